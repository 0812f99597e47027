// Streams a 16 kHz mono 16-bit WAV to a mock AssemblyAI server with AssemblyAI's official Node SDK,
// printing one JSON line per event: Begin, Turn…, Termination, close (NodeSdkStreamingIT reads them).
//   node stream-fixture.mjs wss://localhost:PORT/v3/ws mic.wav [speed]
// The key comes from ASSEMBLYAI_API_KEY; the mock's CA from NODE_EXTRA_CA_CERTS.
import { readFileSync } from "node:fs";
import { AssemblyAI } from "assemblyai";

const [url, wavPath, speedArg] = process.argv.slice(2);
const speed = Number(speedArg ?? "1");
const SAMPLE_RATE = 16000;
const CHUNK_BYTES = (SAMPLE_RATE * 2) / 10; // 100 ms: the service refuses chunks under 50 ms
const print = (event) => console.log(JSON.stringify(event));

function pcmOf(wav) {
  // The samples are in the "data" chunk; other chunks (LIST, fact) may come first.
  for (let at = 12; at + 8 <= wav.length; ) {
    const id = wav.toString("ascii", at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === "data") return wav.subarray(at + 8, at + 8 + size);
    at += 8 + size + (size % 2);
  }
  throw new Error(`${wavPath}: no data chunk`);
}

const pcm = pcmOf(readFileSync(wavPath));
const client = new AssemblyAI({ apiKey: process.env.ASSEMBLYAI_API_KEY });
const transcriber = client.streaming.transcriber({
  websocketBaseUrl: url,
  sampleRate: SAMPLE_RATE,
  speechModel: "u3-rt-pro",
  // The default 1 s covers a warm service; a cold JVM on a busy 2-core CI box needs more for
  // its first TLS handshake.
  connectTimeout: 15000,
});
transcriber.on("open", (begin) => print({ type: "Begin", id: begin.id }));
transcriber.on("turn", (turn) =>
  print({ type: "Turn", transcript: turn.transcript, end_of_turn: turn.end_of_turn }));
transcriber.on("error", (error) => print({ type: "error", message: String(error?.message ?? error) }));
transcriber.on("close", (code, reason) => print({ type: "close", code, reason: String(reason ?? "") }));

await transcriber.connect();
// The SDK ends close() on the Termination frame but has no event for it: watch its socket.
transcriber.socket.on("message", (data) => {
  const message = JSON.parse(data.toString());
  if (message.type === "Termination") {
    print({ type: "Termination", audio_duration_seconds: message.audio_duration_seconds });
  }
});
for (let at = 0; at < pcm.length; at += CHUNK_BYTES) {
  const chunk = Buffer.alloc(CHUNK_BYTES); // the last one padded with silence
  pcm.copy(chunk, 0, at, Math.min(at + CHUNK_BYTES, pcm.length));
  transcriber.sendAudio(chunk);
  await new Promise((resolve) => setTimeout(resolve, 100 / speed));
}
await transcriber.close();
