// A Web Serial "SerialPort" (https://wicg.github.io/serial/#serialport-interface) whose bytes travel over a TCP
// connection, so esptool-js's Transport can drive the simulated ESP32 ROM loader ('wand sim rom --tcp PORT') from Node.
// Implements the members Transport uses: open, close, readable, writable, setSignals, getInfo, and the optional
// in-place setBaudRate capability (BaudRateConfigurablePort in esptool-js's webserial.d.ts).
import net from "node:net";

export class TcpSerialPort {
  /**
   * @param {string} host Host name or address.
   * @param {number} port TCP port.
   */
  constructor(host, port) {
    this.host = host;
    this.port = port;
    this.socket = null;
    this.readable = null;
    this.writable = null;
    this.baudRate = 0;
    this.bytesWritten = 0;
    this.bytesRead = 0;
  }

  /** Opens the TCP connection; the simulator answers each new connection with the chip's boot log. */
  async open(options) {
    if (this.socket) {
      throw new DOMException("The port is already open.", "InvalidStateError");
    }
    this.baudRate = options?.baudRate ?? 115200;
    const socket = net.createConnection({ host: this.host, port: this.port, noDelay: true });
    await new Promise((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    this.socket = socket;
    const port = this;
    this.readable = new ReadableStream({
      start(controller) {
        socket.on("data", (chunk) => {
          port.bytesRead += chunk.length;
          controller.enqueue(new Uint8Array(chunk));
        });
        socket.on("end", () => {
          try {
            controller.close();
          } catch {
            // already closed by cancel()
          }
        });
        socket.on("error", (error) => {
          try {
            controller.error(error);
          } catch {
            // already closed
          }
        });
      },
      cancel() {
        socket.destroy();
      },
    });
    this.writable = new WritableStream({
      write(chunk) {
        port.bytesWritten += chunk.length;
        return new Promise((resolve, reject) => socket.write(chunk, (error) => (error ? reject(error) : resolve())));
      },
    });
  }

  /** Closes the connection. */
  async close() {
    if (this.socket) {
      this.socket.destroy();
      this.socket = null;
    }
    this.readable = null;
    this.writable = null;
  }

  /** A TCP stream has no modem lines; DTR/RTS requests are accepted and have no effect (like esptool's socket:// ports, which use no-reset). */
  async setSignals() {}

  /** No USB ids: the port is not a USB bridge. */
  getInfo() {
    return {};
  }

  /** Changes the host-side rate in place; over TCP only the number is kept, the simulator times the line by the ROM's rate. */
  async setBaudRate(baudRate) {
    this.baudRate = baudRate;
  }
}
