// Spoken prompts for deputies who do not read the screen easily. Silent where the browser has no speech
// synthesis; a prompt is not repeated while it is still the same one (every few seconds at most).
let lastText = '';
let lastAt = 0;
const REPEAT_MS = 6000;

export function speak(text: string, lang: string): void {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined' || !text) return;
  const now = Date.now();
  if (text === lastText && now - lastAt < REPEAT_MS) return;
  lastText = text;
  lastAt = now;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.rate = 0.9;
  const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith(lang.toLowerCase()));
  if (voice) utterance.voice = voice;
  synth.cancel();
  synth.speak(utterance);
}
