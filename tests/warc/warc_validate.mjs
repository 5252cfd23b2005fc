// Reads a WARC file with warcio (webrecorder's reader, an implementation
// independent of plainsight's) and prints what it saw as one JSON object, so
// tests/store/warc_test.cc can check our files against a real WARC reader.
//
//   node tests/store/warc_validate.mjs FILE.warc.gz
//
// Output: {"records": [{type, record_id, target_uri, offset, length,
// concurrent_to, truncated, http_status, payload_sha256 (raw payload, hashed
// here), content_sha256 (after warcio's decoding), payload_sha256_header,
// payload_digest_ok, block_digest_ok, content_length_ok}], "warnings": [...]}.
// Exit 3 when warcio is not installed, 2 on a parse error.
import { createHash } from "node:crypto";
import fs from "node:fs";

let WARCParser;
try {
  ({ WARCParser } = await import("warcio"));
} catch (err) {
  console.error(
    "warc_validate: the npm package warcio is not installed; run scripts/install-test-tools (" +
      err.message + ")");
  process.exit(3);
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node warc_validate.mjs FILE.warc.gz");
  process.exit(1);
}

// warcio reports framing problems (a record not followed by CRLF CRLF) with
// console.warn; keep them so the caller can insist there are none.
const warnings = [];
console.warn = (...args) => warnings.push(args.join(" "));

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32(bytes) {  // RFC 4648, with padding
  let out = "", buffer = 0, bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}
const sha1Label = (bytes) => "sha1:" + base32(createHash("sha1").update(bytes).digest());
const sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");

// Pass 1, without HTTP parsing: the whole block, for the block digest.
async function blocks() {
  const out = [];
  const parser = new WARCParser(fs.createReadStream(file), { parseHttp: false });
  for await (const record of parser) {
    const block = await record.readFully(false);
    out.push({
      block_digest_ok: record.warcBlockDigest === undefined || record.warcBlockDigest === null
        ? null : record.warcBlockDigest === sha1Label(block),
      content_length_ok: record.warcContentLength === block.length,
    });
  }
  return out;
}

// Pass 2, as a replay tool reads it: HTTP headers parsed, payload separate.
async function records() {
  const out = [];
  const parser = new WARCParser(fs.createReadStream(file));
  for await (const record of parser) {
    const entry = {
      type: record.warcType,
      record_id: record.warcHeader("WARC-Record-ID"),
      target_uri: record.warcTargetURI ?? null,
      concurrent_to: record.warcConcurrentTo,
      truncated: record.warcHeader("WARC-Truncated") ?? null,
    };
    if (record.httpHeaders) {
      const raw = await record.readFully(false);
      const content = await record.readFully(true);
      entry.http_status = record.httpHeaders.statusCode ?? null;
      entry.payload_sha256 = sha256Hex(raw);
      entry.content_sha256 = sha256Hex(content);
      entry.payload_sha256_header = record.warcHeader("WARC-Payload-SHA256") ?? null;
      const digest = record.warcPayloadDigest;
      entry.payload_digest_ok = digest ? digest === sha1Label(raw) : null;
    } else {
      await record.readFully(false);
    }
    // Offsets are of the gzip member, known once the record is consumed.
    entry.offset = parser.offset;
    entry.length = parser.recordLength;
    out.push(entry);
  }
  return out;
}

try {
  const framing = await blocks();
  const parsed = await records();
  if (framing.length !== parsed.length) {
    warnings.push(`passes disagree: ${framing.length} vs ${parsed.length} records`);
  }
  parsed.forEach((entry, i) => Object.assign(entry, framing[i] ?? {}));
  process.stdout.write(JSON.stringify({ records: parsed, warnings }) + "\n");
} catch (err) {
  console.error("warc_validate: " + file + ": " + (err?.stack ?? err));
  process.exit(2);
}
