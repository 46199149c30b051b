// Counts what a process asks of Firestore, at the @google-cloud/firestore client (the one
// firebase-admin uses): transaction attempts per runTransaction (each call of the update
// function is one attempt; every attempt after the first retried an aborted one), and RPCs by
// method (beginTransaction, batchGetDocuments, runQuery, commit, rollback), with the commits the
// server answered ABORTED (gRPC 10).
//
// Two uses (scripts/bench.mjs):
//   - in-process: `require('./firestoreCounter.cjs').install(FirestoreClass)`, then `counters()`;
//   - as a preload in processes it can't reach (the functions emulator's workers):
//     NODE_OPTIONS="--require /abs/firestoreCounter.cjs" with GOCAFEIN_FIRESTORE_COUNTS=<file>;
//     each finished transaction appends one JSON line {fn, pid, attempts, ok, code} to the file.
//     A process that never loads @google-cloud/firestore (the firebase CLI) writes nothing.
const { appendFileSync } = require('node:fs');
const Module = require('node:module');

const state = { transactions: [], rpcs: {}, abortedCommits: 0 };
const outFile = process.env.GOCAFEIN_FIRESTORE_COUNTS;
const functionName = () => process.env.FUNCTION_TARGET || process.env.K_SERVICE || null;

function install(Firestore) {
  const proto = Firestore.prototype;
  if (proto.__gocafeinCounted) return;
  proto.__gocafeinCounted = true;

  const runTransaction = proto.runTransaction;
  proto.runTransaction = function countedRunTransaction(updateFunction, options) {
    let attempts = 0;
    const started = process.hrtime.bigint();
    const record = (ok, code) => {
      const entry = {
        fn: functionName(),
        pid: process.pid,
        attempts,
        ok,
        code: code ?? null,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      };
      state.transactions.push(entry);
      if (outFile) appendFileSync(outFile, `${JSON.stringify(entry)}\n`);
    };
    return runTransaction
      .call(
        this,
        (tx) => {
          attempts += 1;
          return updateFunction(tx);
        },
        options,
      )
      .then(
        (value) => (record(true), value),
        (error) => {
          record(false, error?.code);
          throw error;
        },
      );
  };

  const count = (method) => (state.rpcs[method] = (state.rpcs[method] ?? 0) + 1);
  const request = proto.request;
  proto.request = function countedRequest(methodName, ...rest) {
    count(methodName);
    const answer = request.call(this, methodName, ...rest);
    if (methodName !== 'commit') return answer;
    return answer.catch((error) => {
      if (error?.code === 10) state.abortedCommits += 1;
      throw error;
    });
  };
  const requestStream = proto.requestStream;
  proto.requestStream = function countedRequestStream(methodName, ...rest) {
    count(methodName);
    return requestStream.call(this, methodName, ...rest);
  };
}

/** A copy of the counts so far; `reset()` starts again. */
function counters() {
  return structuredClone(state);
}
function reset() {
  state.transactions = [];
  state.rpcs = {};
  state.abortedCommits = 0;
}

/** Aborted attempts per committed transaction, from transaction entries. */
function summarize(transactions) {
  const committed = transactions.filter((t) => t.ok);
  const attempts = transactions.reduce((sum, t) => sum + t.attempts, 0);
  const retries = transactions.reduce((sum, t) => sum + Math.max(0, t.attempts - 1), 0);
  return {
    transactions: transactions.length,
    committed: committed.length,
    failed: transactions.length - committed.length,
    attempts,
    abortedAttempts: retries,
    abortedPerCommit: committed.length ? retries / committed.length : 0,
    maxAttempts: transactions.reduce((max, t) => Math.max(max, t.attempts), 0),
  };
}

module.exports = { install, counters, reset, summarize };

// As a preload: patch the client as soon as some module loads it.
if (outFile && require.main !== module) {
  const load = Module._load;
  Module._load = function loadAndCount(request, ...rest) {
    const exported = load.call(this, request, ...rest);
    if (request === '@google-cloud/firestore' && exported?.Firestore) install(exported.Firestore);
    return exported;
  };
}
