// The in-page new-order alert: a short two-tone chime (Web Audio, no file to load) and a visible
// banner. Browsers allow sound after the first user gesture (the sign-in click is one).
let context: AudioContext | null = null;
export let chimesPlayed = 0;

export function chime(): boolean {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1175],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.25, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.35);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.4);
    }
    chimesPlayed += 1;
    document.documentElement.dataset.chimes = String(chimesPlayed);
    return true;
  } catch {
    return false;
  }
}
