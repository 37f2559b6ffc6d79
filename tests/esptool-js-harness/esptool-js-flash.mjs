// Drives Espressif's esptool-js (pinned in package.json) against an ESP32 ROM loader reached over TCP, with esptool's
// --no-stub command sequence (esptool v5 esptool/cmds.py write_flash / attach_flash, targets/esp32.py change_baud):
//
//   node esptool-js-flash.mjs write  --port tcp://127.0.0.1:PORT [--baud N] ADDRESS FILE [ADDRESS FILE ...]
//   node esptool-js-flash.mjs verify --port tcp://127.0.0.1:PORT [--baud N] ADDRESS FILE [ADDRESS FILE ...]
//   node esptool-js-flash.mjs bench  --port tcp://127.0.0.1:PORT [--baud N] ADDRESS FILE [ADDRESS FILE ...]
//
// write:  connect without reset (a TCP port has no DTR/RTS; esptool forces no-reset on socket:// ports), identify the
//         chip, change the baud rate the way esptool does for the ESP32 ROM, attach the flash from the eFuse SPI pads,
//         read the flash id, SPI_SET_PARAMS, then per file FLASH_BEGIN + 0x400-byte FLASH_DATA blocks (esptool's
//         --no-stub default is uncompressed), the ROM's MD5, and a read-back with READ_FLASH_SLOW (64-byte reads,
//         esptool targets/esp32.py read_flash_slow) compared byte for byte with the file.
// verify: the same connection steps, then MD5 and read-back only.
// stub:   esptool-js's default path instead: upload its flasher stub with MEM_BEGIN/MEM_DATA/MEM_END and wait for the
//         stub's "OHAI" greeting (reports the error it gets; used to check how the loader answers a stub upload).
// bench:  esptool-js's own writeFlash (zlib level 9, FLASH_DEFL_* blocks) with its MD5 check, timed per file.
// The last output line is one JSON object; the exit code is 0 only when every file verified.
//
// esptool-js 0.7.0 differs from the ESP32 ROM in ways the harness works around here (never in the simulator):
//  - flashMd5sum hex-encodes the ROM's answer, which already is 32 ASCII hex characters, a second time;
//  - flashBegin sends a fifth FLASH_BEGIN word (encrypted flag) that only later chips' ROMs take (esptool
//    loader.py flash_begin sends it to ESP32-S2 and newer only);
//  - flashSpiAttach sends the 4-byte stub form; the ROM takes 8 bytes (esptool loader.py flash_spi_attach);
//  - the loader keeps the stub's 0x4000 FLASH_WRITE_SIZE without a stub; the ROM's is 0x400 (esptool loader.py);
//  - changeBaud asks the ESP32 ROM for the plain rate; esptool scales it by the ROM's crystal estimate.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { ESPLoader, Transport } from "esptool-js";
import { TcpSerialPort } from "./tcp-serial-port.mjs";

const ESP_FLASH_BEGIN = 0x02;
const ESP_FLASH_DATA = 0x03;
const ESP_SPI_ATTACH = 0x0d;
const ESP_SPI_SET_PARAMS = 0x0b;
const ESP_CHANGE_BAUDRATE = 0x0f;
const ESP_READ_FLASH_SLOW = 0x0e;
const ROM_FLASH_WRITE_SIZE = 0x400;
const EFUSE_RD_REG_BASE = 0x3ff5a000; // esptool targets/esp32.py
const RTCCALICFG1 = 0x3ff5f06c; // esptool targets/esp32.py, value in bits 31..7 (TIMERS_RTC_CALI_VALUE_S = 7)

function parseArguments(argv) {
  const [mode, ...rest] = argv;
  const options = { mode, port: null, baud: 115200, files: [] };
  for (let index = 0; index < rest.length; index++) {
    const value = rest[index];
    if (value === "--port") {
      options.port = rest[++index];
    } else if (value === "--baud") {
      options.baud = Number.parseInt(rest[++index], 10);
    } else {
      options.files.push({ address: Number.parseInt(value, 16), path: rest[++index] });
    }
  }
  const match = /^tcp:\/\/([^:]+):(\d+)$/.exec(options.port ?? "");
  if (!["write", "verify", "bench", "stub"].includes(mode) || !match || (options.files.length === 0 && mode !== "stub") || options.files.some((file) => !file.path || Number.isNaN(file.address))) {
    throw new Error("usage: esptool-js-flash.mjs write|verify|bench|stub --port tcp://HOST:PORT [--baud N] ADDRESS FILE [ADDRESS FILE ...]");
  }
  options.host = match[1];
  options.tcpPort = Number.parseInt(match[2], 10);
  return options;
}

const terminal = {
  clean() {},
  writeLine(text) {
    process.stderr.write(`${text}\n`);
  },
  write(text) {
    process.stderr.write(text);
  },
};

function words(...values) {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setUint32(index * 4, value >>> 0, true));
  return bytes;
}

function md5Hex(bytes) {
  return createHash("md5").update(bytes).digest("hex");
}

/** esptool-js 0.7.0 returns the ROM's 32 ASCII hex characters hex-encoded again (64 characters); decode them once. */
function romMd5(doubleHex) {
  return doubleHex.length === 64 ? Buffer.from(doubleHex, "hex").toString("ascii") : doubleHex;
}

/** esptool targets/esp32.py change_baud: ask for baud × (ROM crystal estimate) / (nominal crystal). */
async function changeBaudLikeEsptool(loader, baud) {
  const calibration = ((await loader.readReg(RTCCALICFG1)) >>> 7) & 0x01ffffff;
  const ck8m = (await loader.readReg(EFUSE_RD_REG_BASE + 4 * 4)) & 0xff;
  const romCrystal = (calibration * 15625 * ck8m) / 40;
  const nominal = romCrystal > 33000000 ? 40000000 : 26000000;
  const requested = Math.floor((baud * romCrystal) / nominal);
  terminal.writeLine(`Changing baud rate to ${baud} (asking the ROM for ${requested}, its crystal estimate is ${(romCrystal / 1e6).toFixed(3)} MHz)`);
  await loader.checkCommand("change baud rate", ESP_CHANGE_BAUDRATE, words(requested, 0));
  await new Promise((resolve) => setTimeout(resolve, 50)); // esptool: "get rid of garbage sent during baud rate change"
  await loader.transport.changeBaudrate(baud);
  loader.baudrate = baud;
  await loader.transport.drainInput();
  if (!(await loader.isResponsive())) {
    throw new Error(`the ROM stopped answering after the change to ${baud} baud`);
  }
}

/** esptool cmds.py attach_flash for the ESP32 ROM: SPI_ATTACH with the eFuse SPI pads, 8-byte ROM form. */
async function attachFlash(loader) {
  const word5 = await loader.readReg(EFUSE_RD_REG_BASE + 5 * 4);
  const word3 = await loader.readReg(EFUSE_RD_REG_BASE + 3 * 4);
  const clk = word5 & 0x1f;
  const q = (word5 >> 5) & 0x1f;
  const d = (word5 >> 10) & 0x1f;
  const cs = (word5 >> 15) & 0x1f;
  const hd = (word3 >> 4) & 0x1f;
  const value = ((hd << 24) | (cs << 18) | (d << 12) | (q << 6) | clk) >>> 0;
  terminal.writeLine(value === 0 ? "Enabling default SPI flash mode..." : `Attaching flash from eFuses' SPI pads configuration (CLK:${clk}, Q:${q}, D:${d}, HD:${hd}, CS:${cs})...`);
  const attach = new Uint8Array(8);
  attach.set(words(value), 0); // then is_legacy = 0 and three reserved zero bytes
  await loader.checkCommand("configure SPI flash pins", ESP_SPI_ATTACH, attach);
  const flashId = await loader.readFlashId();
  const sizeName = loader.DETECTED_FLASH_SIZES[(flashId >> 16) & 0xff];
  if (flashId === 0xffffff || flashId === 0 || !sizeName) {
    throw new Error(`the flash id reads 0x${flashId.toString(16)}: no flash answers`);
  }
  const size = loader.flashSizeBytes(sizeName);
  terminal.writeLine(`Flash id 0x${flashId.toString(16)}, ${sizeName}`);
  await loader.checkCommand("set SPI params", ESP_SPI_SET_PARAMS, words(0, size, 0x10000, 0x1000, 0x100, 0xffff));
  return { flashId, size };
}

/** esptool loader.py flash_begin for the ESP32 ROM: four words, the ROM erases before it answers. */
async function romFlashBegin(loader, size, offset) {
  const blocks = Math.ceil(size / ROM_FLASH_WRITE_SIZE);
  const timeout = Math.max(3000, (40000 * size) / 1e6); // erase_region_timeout_per_mb 40 s
  await loader.checkCommand("enter Flash download mode", ESP_FLASH_BEGIN, words(size, blocks, ROM_FLASH_WRITE_SIZE, offset), 0, 0, timeout);
  return blocks;
}

async function writeUncompressed(loader, address, image) {
  const blocks = await romFlashBegin(loader, image.length, address);
  for (let seq = 0; seq < blocks; seq++) {
    const block = new Uint8Array(ROM_FLASH_WRITE_SIZE).fill(0xff); // last block padded with 0xFF, as esptool does
    block.set(image.subarray(seq * ROM_FLASH_WRITE_SIZE, (seq + 1) * ROM_FLASH_WRITE_SIZE));
    const packet = new Uint8Array(16 + block.length);
    packet.set(words(block.length, seq, 0, 0), 0);
    packet.set(block, 16);
    await loader.checkCommand(`write to target Flash after seq ${seq}`, ESP_FLASH_DATA, packet, loader.checksum(block), 0, 3000);
  }
}

async function readBack(loader, address, length) {
  const result = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 64) {
    const count = Math.min(64, length - offset);
    const data = await loader.checkCommand("read flash block", ESP_READ_FLASH_SLOW, words(address + offset, count), 0, 64);
    result.set(data.subarray(0, count), offset);
  }
  return result;
}

async function verifyFile(loader, address, image) {
  const expected = md5Hex(image);
  const flashMd5 = romMd5(await loader.flashMd5sum(address, image.length));
  const back = await readBack(loader, address, image.length);
  const readBackMatches = Buffer.compare(Buffer.from(back), Buffer.from(image)) === 0;
  return { md5: flashMd5, md5Matches: flashMd5 === expected, readBackMatches };
}

function padTo4(data) {
  if (data.length % 4 === 0) {
    return data;
  }
  const padded = new Uint8Array(data.length + (4 - (data.length % 4))).fill(0xff);
  padded.set(data);
  return padded;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const port = new TcpSerialPort(options.host, options.tcpPort);
  const transport = new Transport(port, false);
  const loader = new ESPLoader({ transport, baudrate: options.baud, romBaudrate: 115200, terminal, debugLogging: false });
  const files = options.files.map((file) => ({ ...file, data: padTo4(new Uint8Array(readFileSync(file.path))) }));
  const report = { ok: false, mode: options.mode, chip: null, baud: 115200, files: [] };
  try {
    await loader.connect("no_reset", 3, true);
    report.chip = await loader.chip.getChipDescription(loader);
    terminal.writeLine(`Chip is ${report.chip}; features ${await loader.chip.getChipFeatures(loader)}; crystal ${await loader.chip.getCrystalFreq(loader)} MHz; MAC ${await loader.chip.readMac(loader)}`);
    if (options.mode === "stub") {
      await loader.runStub();
      report.ok = loader.IS_STUB;
    } else {
      await flashFiles(loader, options, files, report);
    }
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  } finally {
    report.bytesWritten = port.bytesWritten;
    report.bytesRead = port.bytesRead;
    try {
      await transport.disconnect();
    } catch {
      await port.close();
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(report.ok ? 0 : 1);
}

async function flashFiles(loader, options, files, report) {
  if (options.baud !== 115200) {
    await changeBaudLikeEsptool(loader, options.baud);
    report.baud = options.baud;
  }
  const flash = await attachFlash(loader);
  report.flashBytes = flash.size;
  for (const file of files) {
    if (file.address + file.data.length > flash.size) {
      throw new Error(`${file.path} at 0x${file.address.toString(16)} does not fit the ${flash.size >> 20} MB flash`);
    }
    const started = performance.now();
    const bytesBefore = loader.transport.device.bytesWritten;
    if (options.mode === "write") {
      await writeUncompressed(loader, file.address, file.data);
    } else if (options.mode === "bench") {
      loader.FLASH_WRITE_SIZE = ROM_FLASH_WRITE_SIZE;
      const originalMd5 = loader.flashMd5sum.bind(loader);
      loader.flashMd5sum = async (address, size) => romMd5(await originalMd5(address, size));
      await loader.writeFlash({
        fileArray: [{ data: file.data, address: file.address }],
        flashSize: "keep",
        flashMode: "keep",
        flashFreq: "keep",
        eraseAll: false,
        compress: true,
        calculateMD5Hash: (image) => md5Hex(image),
      });
      loader.flashMd5sum = originalMd5;
    }
    const written = performance.now();
    const entry = { address: `0x${file.address.toString(16)}`, path: file.path, bytes: file.data.length, writeSeconds: (written - started) / 1000, wireBytes: loader.transport.device.bytesWritten - bytesBefore };
    if (options.mode === "bench") {
      entry.md5Matches = true; // writeFlash throws when its MD5 check fails
      entry.readBackMatches = null;
    } else {
      Object.assign(entry, await verifyFile(loader, file.address, file.data));
    }
    report.files.push(entry);
    terminal.writeLine(`0x${file.address.toString(16)} ${file.path}: ${file.data.length} bytes, MD5 ${entry.md5Matches ? "matches" : "DIFFERS"}, read-back ${entry.readBackMatches === null ? "skipped" : entry.readBackMatches ? "matches" : "DIFFERS"}`);
  }
  report.ok = report.files.every((file) => file.md5Matches && file.readBackMatches !== false);
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(2);
});
