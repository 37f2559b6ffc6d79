'''An integrator's end-to-end check of a wand over BlueZ with bleak, written from protocol/PROFILE.md alone: a scan
filtered by BlueZ (SetDiscoveryFilter with the Wand service UUID and an RSSI threshold), connect, read Device
Information and Battery (open), read the status without calling pair() so that BlueZ pairs by itself (the wand answers
0x0F, BlueZ raises the link's security and retries: src/shared/att.c change_security), subscribe, run a session, get
refused writes with the errors BlueZ 5.66 names for them (src/gatt-client.c create_gatt_dbus_error), disconnect.
The wand's pairing window must be open (a long button press; `wand sim serve --ble` holds the button at start). Prints one "ok ..." line per check;
exits non-zero at the first failure. Run with DBUS_SYSTEM_BUS_ADDRESS pointing at the bus BlueZ (or the bed) is on.'''

import asyncio
import sys

from bleak import BleakClient, BleakScanner
from bleak.exc import BleakDBusError, BleakError

WAND_SERVICE = "6d780100-ef12-4cc2-baad-fd233d601624"
CONTROL_POINT = "6d780101-ef12-4cc2-baad-fd233d601624"
STATUS = "6d780102-ef12-4cc2-baad-fd233d601624"
BATTERY_LEVEL = "00002a19-0000-1000-8000-00805f9b34fb"
MANUFACTURER_NAME = "00002a29-0000-1000-8000-00805f9b34fb"
FIRMWARE_REVISION = "00002a26-0000-1000-8000-00805f9b34fb"


def ok(text):
    print("ok", text, flush=True)


async def refused(client, uuid, value, error_name, detail):
    try:
        await client.write_gatt_char(uuid, value, response=True)
    except BleakDBusError as error:
        assert error.dbus_error == error_name, f"{error.dbus_error} instead of {error_name}"
        assert detail in (error.dbus_error_details or ""), f"'{error.dbus_error_details}' lacks '{detail}'"
        return f"{error.dbus_error}: {error.dbus_error_details}"
    raise AssertionError(f"a write of {value.hex()} to {uuid} was accepted")


async def main():
    # BlueZ filters the scan: only devices advertising the Wand service, received at -90 dBm or stronger.
    scanner_filter = {"bluez": {"filters": {"RSSI": -90}}}
    wand = await BleakScanner.find_device_by_filter(
        lambda device, advertisement: WAND_SERVICE in advertisement.service_uuids, timeout=10,
        service_uuids=[WAND_SERVICE], **scanner_filter)
    assert wand is not None, "no wand advertising the Wand service"
    ok(f"scan found {wand.name} {wand.address}")
    client = BleakClient(wand)
    await client.connect()
    ok("connected")
    status = await client.read_gatt_char(STATUS)  # encrypted: BlueZ pairs (Just Works) and retries by itself
    assert len(status) == 17, status.hex()
    ok(f"paired by BlueZ on the first encrypted read (status {status.hex()})")
    manufacturer = (await client.read_gatt_char(MANUFACTURER_NAME)).decode("ascii")
    firmware = (await client.read_gatt_char(FIRMWARE_REVISION)).decode("ascii")
    ok(f"device information: {manufacturer}, firmware {firmware}")
    battery = (await client.read_gatt_char(BATTERY_LEVEL))[0]
    assert 0 <= battery <= 100, battery
    ok(f"battery {battery} %")

    answers = asyncio.Queue()
    statuses = asyncio.Queue()
    await client.start_notify(CONTROL_POINT, lambda _, data: answers.put_nowait(bytes(data)))
    await client.start_notify(STATUS, lambda _, data: statuses.put_nowait(bytes(data)))
    ok("subscribed to control point and status")

    await client.write_gatt_char(CONTROL_POINT, bytes([0x01, 2, 0, 0, 0]), response=True)
    answer = await asyncio.wait_for(answers.get(), 10)
    assert answer[0:2] == bytes([0x01, 0x00]), answer.hex()
    ok(f"session started ({answer.hex()})")
    while True:
        status = await asyncio.wait_for(statuses.get(), 10)
        if status[0] == 2:  # state Running (PROFILE.md §6.2, offset 0)
            break
    ok(f"status notified running ({status.hex()})")

    ok("refused: " + await refused(client, CONTROL_POINT, bytes([0x01, 9, 0, 0, 0]), "org.bluez.Error.Failed", "ATT error: 0x81"))
    ok("refused: " + await refused(client, CONTROL_POINT, bytes([0x01, 2]), "org.bluez.Error.InvalidArguments", "Invalid Length"))
    try:
        await client.write_gatt_char(STATUS, bytes([0]), response=True)
        raise AssertionError("a write to the read-only status was accepted")
    except BleakError as error:  # bleak refuses before calling BlueZ: the characteristic's flags are read, notify
        ok(f"refused by bleak: {error}")

    await client.write_gatt_char(CONTROL_POINT, bytes([0x02]), response=True)
    answer = await asyncio.wait_for(answers.get(), 10)
    assert answer[0:2] == bytes([0x02, 0x00]), answer.hex()
    ok(f"session stopped ({answer.hex()})")
    ok("refused: " + await refused(client, CONTROL_POINT, bytes([0x02]), "org.bluez.Error.Failed", "ATT error: 0x98"))
    await client.stop_notify(STATUS)
    await client.disconnect()
    assert not client.is_connected
    ok("disconnected")


try:
    asyncio.run(main())
except Exception as error:  # noqa: BLE001  (report any failure as the script's result)
    print(f"FAILED: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
