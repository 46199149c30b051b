// gRPC status codes as Google client libraries report them on `error.code` (Firestore, Cloud
// Tasks): one reading of them for every module that has to tell a retry from a lost cause.
export const GRPC = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** The gRPC code an error carries, if any (a string code, e.g. Auth's, is not one). */
export function grpcCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Codes a retry can't change. */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  GRPC.INVALID_ARGUMENT,
  GRPC.NOT_FOUND,
  GRPC.PERMISSION_DENIED,
  GRPC.FAILED_PRECONDITION,
  GRPC.UNAUTHENTICATED,
]);

export function isPermanentGrpcError(error: unknown): boolean {
  const code = grpcCodeOf(error);
  return code !== undefined && PERMANENT_CODES.has(code);
}
