#!/usr/bin/env python3
"""Writes the profile's test vectors (protocol/vectors/*.json) from PROFILE.md's byte layouts.

This is a second, independent encoder of the profile (Python standard library only): the C# library is checked
against its output, not against itself. Run it after changing a layout, then commit the JSON:
    python3 protocol/vectors/generate.py
"""
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_VERSION = 1

OK = "0x00"
INVALID_HANDLE = "0x01"
READ_NOT_PERMITTED = "0x02"
WRITE_NOT_PERMITTED = "0x03"
REQUEST_NOT_SUPPORTED = "0x06"
INVALID_OFFSET = "0x07"
INSUFFICIENT_AUTHORIZATION = "0x08"
INVALID_LENGTH = "0x0D"
INSUFFICIENT_ENCRYPTION = "0x0F"
VALUE_NOT_ALLOWED = "0x13"
OPCODE_NOT_SUPPORTED = "0x80"
LEVEL_OUT_OF_RANGE = "0x81"
DURATION_OUT_OF_RANGE = "0x82"
PATTERN_UNKNOWN = "0x83"
CRC_MISMATCH = "0x84"
RECORD_VERSION_UNSUPPORTED = "0x85"
SERIAL_NUMBER_INVALID = "0x86"
DRIVE_ABOVE_CEILING = "0x87"
CALIBRATION_OUT_OF_RANGE = "0x88"
PAGE_OUT_OF_RANGE = "0x89"
ROUTINE_UNKNOWN = "0x8A"

PATTERNS = ["Continuous", "Pulse", "Wave", "Heartbeat"]


def hexstr(data):
    return data.hex()


def valid(name, direction, message, data, fields, encodes=True, offset=0):
    vector = {"name": name, "direction": direction, "message": message, "hex": hexstr(data), "error": OK, "fields": fields}
    if not encodes:
        vector["encodes"] = False
    if offset:
        vector["offset"] = offset
    return vector


def running(vector):
    """Marks an accepted write that the device carries out only while a session runs."""
    vector["requires"] = ["session-running"]
    return vector


def invalid(name, direction, message, data, error, offset=0):
    vector = {"name": name, "direction": direction, "message": message, "hex": hexstr(data), "error": error}
    if offset:
        vector["offset"] = offset
    return vector


def write_file(characteristic, description, vectors):
    document = {
        "schemaVersion": SCHEMA_VERSION,
        "characteristic": characteristic,
        "description": description,
        "vectors": vectors,
    }
    path = os.path.join(HERE, characteristic + ".json")
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")


# ---------------------------------------------------------------- control point
def start(level, pattern, seconds):
    return struct.pack("<BBBH", 1, level, pattern, seconds)


def control_point():
    m = "ControlPointCommand"
    r = "ControlPointResponse"
    v = [
        valid("start typical", "write", m, start(3, 2, 600), {"opcode": "StartSession", "level": 3, "pattern": "Wave", "durationSeconds": 600}),
        valid("start with default duration", "write", m, start(1, 0, 0), {"opcode": "StartSession", "level": 1, "pattern": "Continuous", "durationSeconds": 0}),
        valid("start lowest bounds", "write", m, start(1, 0, 60), {"opcode": "StartSession", "level": 1, "pattern": "Continuous", "durationSeconds": 60}),
        valid("start highest bounds", "write", m, start(5, 3, 900), {"opcode": "StartSession", "level": 5, "pattern": "Heartbeat", "durationSeconds": 900}),
        running(valid("stop", "write", m, bytes([2]), {"opcode": "StopSession", "level": 0, "pattern": "Continuous", "durationSeconds": 0})),
        running(valid("set level lowest", "write", m, bytes([3, 1]), {"opcode": "SetLevel", "level": 1, "pattern": "Continuous", "durationSeconds": 0})),
        running(valid("set level highest", "write", m, bytes([3, 5]), {"opcode": "SetLevel", "level": 5, "pattern": "Continuous", "durationSeconds": 0})),
        running(valid("set pattern first", "write", m, bytes([4, 0]), {"opcode": "SetPattern", "level": 0, "pattern": "Continuous", "durationSeconds": 0})),
        running(valid("set pattern last", "write", m, bytes([4, 3]), {"opcode": "SetPattern", "level": 0, "pattern": "Heartbeat", "durationSeconds": 0})),
        invalid("empty write", "write", m, b"", INVALID_LENGTH),
        invalid("six bytes", "write", m, start(3, 2, 600) + b"\x00", INVALID_LENGTH),
        invalid("opcode zero", "write", m, bytes([0]), OPCODE_NOT_SUPPORTED),
        valid("start routine first (1.1)", "write", m, bytes([5, 1]), {"opcode": "StartRoutine", "level": 0, "pattern": "Continuous", "durationSeconds": 0, "routine": "InfantFullBody"}),
        valid("start routine last (1.1)", "write", m, bytes([5, 4]), {"opcode": "StartRoutine", "level": 0, "pattern": "Continuous", "durationSeconds": 0, "routine": "Lactation"}),
        running(valid("pause (1.1)", "write", m, bytes([6]), {"opcode": "Pause", "level": 0, "pattern": "Continuous", "durationSeconds": 0, "routine": "None"})),
        running(valid("resume (1.1)", "write", m, bytes([7]), {"opcode": "Resume", "level": 0, "pattern": "Continuous", "durationSeconds": 0, "routine": "None"})),
        invalid("opcode eight", "write", m, bytes([8, 1]), OPCODE_NOT_SUPPORTED),
        invalid("start routine zero (1.1)", "write", m, bytes([5, 0]), ROUTINE_UNKNOWN),
        invalid("start routine five (1.1)", "write", m, bytes([5, 5]), ROUTINE_UNKNOWN),
        invalid("start routine 255 (1.1)", "write", m, bytes([5, 255]), ROUTINE_UNKNOWN),
        invalid("start routine without routine (1.1)", "write", m, bytes([5]), INVALID_LENGTH),
        invalid("pause with a parameter (1.1)", "write", m, bytes([6, 0]), INVALID_LENGTH),
        invalid("resume with a parameter (1.1)", "write", m, bytes([7, 1]), INVALID_LENGTH),
        invalid("opcode 0xFF", "write", m, bytes([0xFF, 1, 0, 0, 0]), OPCODE_NOT_SUPPORTED),
        invalid("stop with a parameter", "write", m, bytes([2, 0]), INVALID_LENGTH),
        invalid("start four bytes", "write", m, bytes([1, 3, 2, 0x58]), INVALID_LENGTH),
        invalid("start two bytes", "write", m, bytes([1, 3]), INVALID_LENGTH),
        invalid("set level without level", "write", m, bytes([3]), INVALID_LENGTH),
        invalid("set level three bytes", "write", m, bytes([3, 2, 0]), INVALID_LENGTH),
        invalid("set pattern without pattern", "write", m, bytes([4]), INVALID_LENGTH),
        invalid("start level zero", "write", m, start(0, 0, 600), LEVEL_OUT_OF_RANGE),
        invalid("start level six", "write", m, start(6, 0, 600), LEVEL_OUT_OF_RANGE),
        invalid("start level 255", "write", m, start(255, 0, 600), LEVEL_OUT_OF_RANGE),
        invalid("start pattern four", "write", m, start(3, 4, 600), PATTERN_UNKNOWN),
        invalid("start pattern 255", "write", m, start(3, 255, 600), PATTERN_UNKNOWN),
        invalid("start duration 1 s", "write", m, start(3, 0, 1), DURATION_OUT_OF_RANGE),
        invalid("start duration 59 s", "write", m, start(3, 0, 59), DURATION_OUT_OF_RANGE),
        invalid("start duration 901 s", "write", m, start(3, 0, 901), DURATION_OUT_OF_RANGE),
        invalid("start duration 65535 s", "write", m, start(3, 0, 65535), DURATION_OUT_OF_RANGE),
        invalid("start level checked before pattern", "write", m, start(9, 9, 9), LEVEL_OUT_OF_RANGE),
        invalid("start pattern checked before duration", "write", m, start(2, 9, 9), PATTERN_UNKNOWN),
        invalid("set level zero", "write", m, bytes([3, 0]), LEVEL_OUT_OF_RANGE),
        invalid("set level six", "write", m, bytes([3, 6]), LEVEL_OUT_OF_RANGE),
        invalid("set pattern four", "write", m, bytes([4, 4]), PATTERN_UNKNOWN),
        invalid("set pattern 255", "write", m, bytes([4, 255]), PATTERN_UNKNOWN),
        invalid("valid start at offset 1", "write", m, start(3, 2, 600), INVALID_OFFSET, offset=1),
        invalid("length checked before offset", "write", m, b"", INVALID_LENGTH, offset=1),
        invalid("offset checked before value", "write", m, start(9, 0, 600), INVALID_OFFSET, offset=2),
        valid("result start accepted, level 5 allowed", "notify", r, struct.pack("<BBH", 1, 0, 5), {"opcode": "StartSession", "result": "Success", "detail": 5}),
        valid("result stop accepted", "notify", r, struct.pack("<BBH", 2, 0, 5), {"opcode": "StopSession", "result": "Success", "detail": 5}),
        valid("result set pattern, derated to level 2", "notify", r, struct.pack("<BBH", 4, 0, 2), {"opcode": "SetPattern", "result": "Success", "detail": 2}),
        valid("result set level done", "notify", r, struct.pack("<BBH", 3, 0, 4), {"opcode": "SetLevel", "result": "Success", "detail": 4}),
        valid("result routine too long (1.1)", "notify", r, struct.pack("<BBH", 5, 13, 5), {"opcode": "StartRoutine", "result": "RoutineTooLong", "detail": 5}),
        valid("result with an unknown result value (later minor version)", "notify", r, struct.pack("<BBH", 3, 200, 0), {"opcode": "SetLevel", "result": 200, "detail": 0}),
        valid("result with appended byte (later minor version)", "notify", r, struct.pack("<BBHB", 3, 0, 4, 0xEE), {"opcode": "SetLevel", "result": "Success", "detail": 4}, encodes=False),
        invalid("result three bytes", "notify", r, bytes([1, 0, 0]), INVALID_LENGTH),
    ]
    write_file("control-point", "Control-point writes (validation order: length 1-5, offset, opcode, opcode length, level, pattern, duration) and result notifications.", v)


# ---------------------------------------------------------------- status
def status(state, source, target, drive, pattern, head, remaining, millivolts, centidegrees, flags, fault, stop, percent):
    return struct.pack("<BBBBBBHHhHBBB", state, source, target, drive, pattern, head, remaining, millivolts, centidegrees, flags, fault, stop, percent)


def status_vectors():
    m = "StatusReport"
    idle = {"state": "Idle", "source": "None", "targetLevel": 0, "driveLevelTenths": 0, "pattern": "Continuous", "head": "None",
            "remainingSeconds": 0, "batteryMillivolts": 0, "headTemperatureCentidegrees": 0, "flags": "None",
            "activeFault": "None", "lastStopReason": "None", "batteryPercent": 0}
    running = {"state": "Running", "source": "Remote", "targetLevel": 3, "driveLevelTenths": 27, "pattern": "Wave", "head": "SoftDome",
               "remainingSeconds": 542, "batteryMillivolts": 3912, "headTemperatureCentidegrees": 3187,
               "flags": "ThermalDerating, PairingWindowOpen", "activeFault": "None", "lastStopReason": "Button", "batteryPercent": 76}
    cold = dict(idle, headTemperatureCentidegrees=-525, flags="Charging, CalibrationInvalid", activeFault="ThermalSensor",
                lastStopReason="Charging", head="Unknown", batteryMillivolts=4200, batteryPercent=100)
    extreme = {"state": "Stopping", "source": "Factory", "targetLevel": 5, "driveLevelTenths": 50, "pattern": "Heartbeat", "head": "Shorted",
               "remainingSeconds": 900, "batteryMillivolts": 65535, "headTemperatureCentidegrees": -32768,
               "flags": "SessionEndingWarning, BatteryLow, ThermalDerating, Charging, FactoryMode, PairingWindowOpen, CalibrationInvalid, FaultActive, SkinContactLost",
               "activeFault": "WatchdogReset", "lastStopReason": "LinkLost", "batteryPercent": 100}
    v = [
        valid("idle all zero", "read", m, status(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), idle),
        valid("running remote session", "notify", m, status(2, 2, 3, 27, 2, 1, 542, 3912, 3187, 0x0024, 0, 1, 76), running),
        valid("negative temperature and faults", "read", m, status(0, 0, 0, 0, 0, 254, 0, 4200, -525, 0x0048, 5, 6, 100), cold),
        valid("extreme values and every flag", "notify", m, status(3, 3, 5, 50, 3, 255, 900, 65535, -32768, 0x01FF, 13, 4, 100), extreme),
        valid("paused routine (1.1)", "notify", m, status(2, 2, 2, 0, 0, 1, 431, 3900, 3100, 0x6000, 0, 0, 80),
              dict(running, targetLevel=2, driveLevelTenths=0, pattern="Continuous", remainingSeconds=431, batteryMillivolts=3900,
                   headTemperatureCentidegrees=3100, flags="RoutineActive, Paused", lastStopReason="None", batteryPercent=80)),
        valid("sensor calibration missing (1.1)", "read", m, status(0, 0, 0, 0, 0, 1, 0, 3900, 3000, 0x0200, 0, 0, 80),
              dict(idle, head="SoftDome", batteryMillivolts=3900, headTemperatureCentidegrees=3000, flags="SensorCalibrationMissing", batteryPercent=80)),
        valid("stop reasons of 1.1", "read", m, status(0, 0, 0, 0, 0, 1, 0, 3900, 3000, 0, 0, 8, 80),
              dict(idle, head="SoftDome", batteryMillivolts=3900, headTemperatureCentidegrees=3000, lastStopReason="PauseTimeout", batteryPercent=80)),
        valid("appended bytes ignored (later minor version)", "notify", m, status(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) + b"\x01\x02\x03", idle, encodes=False),
        invalid("sixteen bytes", "read", m, bytes(16), INVALID_LENGTH),
        invalid("empty", "read", m, b"", INVALID_LENGTH),
    ]
    write_file("status", "Status value, 17 bytes (read and notify).", v)


# ---------------------------------------------------------------- settings
def settings():
    m = "SessionSettings"

    def s(seconds, level, pattern):
        return struct.pack("<HBB", seconds, level, pattern)

    v = [
        valid("factory defaults", "write", m, s(600, 3, 0), {"defaultSessionSeconds": 600, "defaultLevel": 3, "defaultPattern": "Continuous"}),
        valid("lowest bounds", "write", m, s(60, 1, 0), {"defaultSessionSeconds": 60, "defaultLevel": 1, "defaultPattern": "Continuous"}),
        valid("highest bounds", "write", m, s(900, 5, 3), {"defaultSessionSeconds": 900, "defaultLevel": 5, "defaultPattern": "Heartbeat"}),
        valid("read back", "read", m, s(300, 2, 1), {"defaultSessionSeconds": 300, "defaultLevel": 2, "defaultPattern": "Pulse"}),
        invalid("three bytes", "write", m, s(600, 3, 0)[:3], INVALID_LENGTH),
        invalid("five bytes", "write", m, s(600, 3, 0) + b"\x00", INVALID_LENGTH),
        invalid("empty", "write", m, b"", INVALID_LENGTH),
        invalid("59 seconds", "write", m, s(59, 3, 0), DURATION_OUT_OF_RANGE),
        invalid("901 seconds", "write", m, s(901, 3, 0), DURATION_OUT_OF_RANGE),
        invalid("zero seconds (no default of the default)", "write", m, s(0, 3, 0), DURATION_OUT_OF_RANGE),
        invalid("level zero", "write", m, s(600, 0, 0), LEVEL_OUT_OF_RANGE),
        invalid("level six", "write", m, s(600, 6, 0), LEVEL_OUT_OF_RANGE),
        invalid("pattern four", "write", m, s(600, 3, 4), PATTERN_UNKNOWN),
        invalid("duration checked before level", "write", m, s(1000, 9, 9), DURATION_OUT_OF_RANGE),
        invalid("level checked before pattern", "write", m, s(600, 9, 9), LEVEL_OUT_OF_RANGE),
        invalid("offset 2", "write", m, s(600, 3, 0), INVALID_OFFSET, offset=2),
    ]
    write_file("settings", "Settings value, 4 bytes (read and write).", v)


# ---------------------------------------------------------------- head
def head():
    m = "HeadReport"

    def h(identity, maximum, mask, name):
        return bytes([identity, maximum, mask]) + name.encode("ascii")

    v = [
        valid("soft dome", "notify", m, h(1, 5, 0x0F, "Soft dome"), {"identity": "SoftDome", "maximumLevel": 5, "allowedPatterns": 15, "name": "Soft dome"}),
        valid("bristle brush", "read", m, h(3, 3, 0x05, "Bristle brush"), {"identity": "BristleBrush", "maximumLevel": 3, "allowedPatterns": 5, "name": "Bristle brush"}),
        valid("no head", "notify", m, h(0, 0, 0, ""), {"identity": "None", "maximumLevel": 0, "allowedPatterns": 0, "name": ""}),
        valid("longest name", "read", m, h(2, 4, 0x0F, "ABCDEFGHIJKLMNOPQ"), {"identity": "RidgedWave", "maximumLevel": 4, "allowedPatterns": 15, "name": "ABCDEFGHIJKLMNOPQ"}),
        invalid("two bytes", "read", m, bytes([1, 5]), INVALID_LENGTH),
        invalid("name of 18 characters", "read", m, h(1, 5, 15, "ABCDEFGHIJKLMNOPQR"), INVALID_LENGTH),
        invalid("control character in name", "read", m, h(1, 5, 15, "Soft\x07dome"), VALUE_NOT_ALLOWED),
        invalid("byte above 0x7E in name", "read", m, bytes([1, 5, 15, 0x80]), VALUE_NOT_ALLOWED),
    ]
    write_file("head", "Head value, 3 to 20 bytes (read and notify).", v)


# ---------------------------------------------------------------- limits
def limits():
    m = "EffectiveLimits"

    def l(ceiling, session, level, derate, trip, restart, warning, cutoff, battery_restart):
        return struct.pack("<HHBhhhHHH", ceiling, session, level, derate, trip, restart, warning, cutoff, battery_restart)

    defaults = {"motorCeilingMillivolts": 3000, "maximumSessionSeconds": 900, "maximumLevelNow": 5,
                "thermalDerateCentidegrees": 3900, "thermalTripCentidegrees": 4100, "thermalRestartCentidegrees": 3800,
                "batteryWarningMillivolts": 3550, "batteryCutoffMillivolts": 3400, "batteryRestartMillivolts": 3600}
    v = [
        valid("product defaults", "read", m, l(3000, 900, 5, 3900, 4100, 3800, 3550, 3400, 3600), defaults),
        valid("calibration invalid, stricter board", "read", m, l(2500, 600, 2, 3700, 3900, 3600, 3600, 3450, 3650),
              {"motorCeilingMillivolts": 2500, "maximumSessionSeconds": 600, "maximumLevelNow": 2,
               "thermalDerateCentidegrees": 3700, "thermalTripCentidegrees": 3900, "thermalRestartCentidegrees": 3600,
               "batteryWarningMillivolts": 3600, "batteryCutoffMillivolts": 3450, "batteryRestartMillivolts": 3650}),
        valid("negative temperatures", "read", m, l(0, 0, 0, -100, -1, -32768, 0, 0, 0),
              {"motorCeilingMillivolts": 0, "maximumSessionSeconds": 0, "maximumLevelNow": 0,
               "thermalDerateCentidegrees": -100, "thermalTripCentidegrees": -1, "thermalRestartCentidegrees": -32768,
               "batteryWarningMillivolts": 0, "batteryCutoffMillivolts": 0, "batteryRestartMillivolts": 0}),
        invalid("sixteen bytes", "read", m, bytes(16), INVALID_LENGTH),
    ]
    write_file("limits", "Effective limits value, 17 bytes (read).", v)


# ---------------------------------------------------------------- fault log
def fault_log():
    m = "FaultLogPage"
    s = "FaultLogSelection"

    def page(total, first, entries):
        data = bytes([total, first])
        for code, context, ms in entries:
            data += struct.pack("<BBI", code, context, ms)
        return data

    def fields(total, first, entries):
        names = {1: "HeadRemoved", 4: "OverTemperature", 6: "BatteryCutoff", 11: "LinkLost", 13: "WatchdogReset", 10: "CalibrationInvalid"}
        return {"totalEntries": total, "firstIndex": first,
                "entries": [{"code": names[c], "context": x, "milliseconds": t} for c, x, t in entries]}

    three = [(11, 3, 1234567), (4, 0, 987654), (1, 2, 5000)]
    v = [
        valid("select first entry", "write", s, bytes([0]), {"firstIndex": 0}),
        valid("select last entry", "write", s, bytes([15]), {"firstIndex": 15}),
        invalid("select 16", "write", s, bytes([16]), PAGE_OUT_OF_RANGE),
        invalid("select 255", "write", s, bytes([255]), PAGE_OUT_OF_RANGE),
        invalid("empty selection", "write", s, b"", INVALID_LENGTH),
        invalid("two-byte selection", "write", s, bytes([0, 0]), INVALID_LENGTH),
        invalid("selection at offset 1", "write", s, bytes([0]), INVALID_OFFSET, offset=1),
        valid("empty log", "read", m, page(0, 0, []), fields(0, 0, [])),
        valid("one entry", "read", m, page(1, 0, [(13, 0, 0)]), fields(1, 0, [(13, 0, 0)])),
        valid("full page", "read", m, page(7, 0, three), fields(7, 0, three)),
        valid("last page of a full log", "read", m, page(16, 15, [(6, 0, 0xFFFFFFFF)]), fields(16, 15, [(6, 0, 0xFFFFFFFF)])),
        valid("page past the end", "read", m, page(4, 6, []), fields(4, 6, [])),
        invalid("one byte", "read", m, bytes([0]), INVALID_LENGTH),
        invalid("partial entry", "read", m, page(1, 0, [(1, 0, 0)])[:7], INVALID_LENGTH),
        invalid("four entries", "read", m, page(4, 0, three + [(1, 0, 0)]), INVALID_LENGTH),
        invalid("total above 16", "read", m, page(17, 0, []), VALUE_NOT_ALLOWED),
        invalid("first index 16", "read", m, page(16, 16, []), VALUE_NOT_ALLOWED),
    ]
    write_file("fault-log", "Fault log: 1-byte page selection (write) and pages of up to 3 entries, newest first (read).", v)


# ---------------------------------------------------------------- protocol version
def protocol_version():
    m = "ProtocolVersion"
    v = [
        valid("version 1.0, factory service, paged fault log", "read", m, struct.pack("<BBI", 1, 0, 6), {"major": 1, "minor": 0, "features": "FactoryService, PagedFaultLog"}),
        valid("skin contact sensing", "read", m, struct.pack("<BBI", 1, 3, 7), {"major": 1, "minor": 3, "features": "SkinContactSensing, FactoryService, PagedFaultLog"}),
        valid("version 1.1, routines, pause, history, current time", "read", m, struct.pack("<BBI", 1, 1, 0x7E), {"major": 1, "minor": 1, "features": "FactoryService, PagedFaultLog, Routines, Pause, SessionHistory, CurrentTime"}),
        valid("version 1.1 with sensor calibration", "read", m, struct.pack("<BBI", 1, 1, 0xFE), {"major": 1, "minor": 1, "features": "FactoryService, PagedFaultLog, Routines, Pause, SessionHistory, CurrentTime, SensorCalibration"}),
        valid("unknown feature bits kept", "read", m, struct.pack("<BBI", 2, 255, 0x80000004), {"major": 2, "minor": 255, "features": 0x80000004}),
        invalid("five bytes", "read", m, bytes([1, 0, 6, 0, 0]), INVALID_LENGTH),
    ]
    write_file("protocol-version", "Protocol version and feature bits, 6 bytes (read).", v)


# ---------------------------------------------------------------- protocol 1.1: routines, history, current time
ROUTINES = {0: "None", 1: "InfantFullBody", 2: "TummyWind", 3: "BedtimeWindDown", 4: "Lactation"}
AREAS = {0: "None", 1: "LegsAndFeet", 2: "Tummy", 3: "Chest", 4: "ArmsAndHands", 5: "Face", 6: "Back",
         7: "LeftBreast", 8: "RightBreast", 9: "LeftBreastSide", 10: "RightBreastSide"}
HEADS = {0: "None", 1: "SoftDome", 2: "RidgedWave", 3: "BristleBrush"}
STOPS = {0: "None", 1: "Button", 2: "RemoteCommand", 3: "TimeLimit", 4: "LinkLost", 5: "Fault", 6: "Charging",
         7: "RoutineComplete", 8: "PauseTimeout"}


def routine_progress():
    m = "RoutineProgress"

    def value(routine, step, count, area, level, pattern, phase, paused, remaining):
        return struct.pack("<BBBBBBBBH", routine, step, count, area, level, pattern, phase, paused, remaining)

    def fields(routine, step, count, area, level, pattern, phase, paused, remaining):
        return {"routine": ROUTINES[routine], "stepIndex": step, "stepCount": count, "area": AREAS[area], "level": level,
                "pattern": PATTERNS[pattern], "phase": phase, "paused": paused, "stepRemainingSeconds": remaining}

    none = (0, 0, 0, 0, 0, 0, 0, 0, 0)
    step = (1, 0, 6, 1, 2, 0, 1, 0, 118)
    cue = (1, 4, 6, 5, 0, 0, 2, 0, 2)
    paused = (4, 3, 4, 10, 2, 2, 1, 1, 65535)
    v = [
        valid("no routine", "read", m, value(*none), fields(*none)),
        valid("first step of the full-body routine", "notify", m, value(*step), fields(*step)),
        valid("cue before the hands-only face step", "notify", m, value(*cue), fields(*cue)),
        valid("paused on the last lactation step", "read", m, value(*paused), fields(*paused)),
        valid("appended bytes ignored (later minor version)", "read", m, value(*step) + b"\x09", fields(*step), encodes=False),
        invalid("nine bytes", "read", m, value(*step)[:9], INVALID_LENGTH),
        invalid("phase 3", "read", m, value(1, 0, 6, 1, 2, 0, 3, 0, 1), VALUE_NOT_ALLOWED),
        invalid("paused 2", "read", m, value(1, 0, 6, 1, 2, 0, 1, 2, 1), VALUE_NOT_ALLOWED),
    ]
    write_file("routine", "Routine progress, 10 bytes (read and notify; protocol 1.1).", v)


def routine_catalog():
    m = "RoutineCatalogPage"
    s = "RoutineCatalogSelection"

    def page(routine, count, total, first, steps):
        data = struct.pack("<BBHB", routine, count, total, first)
        for area, seconds, pattern, level in steps:
            data += struct.pack("<BHBB", area, seconds, pattern, level)
        return data

    def fields(routine, count, total, first, steps):
        return {"routine": ROUTINES[routine], "stepCount": count, "totalSeconds": total, "firstStep": first,
                "steps": [{"area": AREAS[a], "seconds": t, "pattern": PATTERNS[p], "level": l} for a, t, p, l in steps]}

    first_page = (1, 6, 533, 0, [(1, 120, 0, 2), (2, 90, 2, 1), (3, 60, 2, 1)])
    last_page = (1, 6, 533, 3, [(4, 90, 0, 2), (5, 45, 0, 0), (6, 120, 2, 2)])
    v = [
        valid("select the full-body routine", "write", s, bytes([1, 0]), {"routine": "InfantFullBody", "firstStep": 0}),
        valid("select lactation from step 3", "write", s, bytes([4, 3]), {"routine": "Lactation", "firstStep": 3}),
        invalid("select routine 0", "write", s, bytes([0, 0]), ROUTINE_UNKNOWN),
        invalid("select routine 5", "write", s, bytes([5, 0]), ROUTINE_UNKNOWN),
        invalid("one-byte selection", "write", s, bytes([1]), INVALID_LENGTH),
        invalid("three-byte selection", "write", s, bytes([1, 0, 0]), INVALID_LENGTH),
        invalid("selection at offset 1", "write", s, bytes([1, 0]), INVALID_OFFSET, offset=1),
        valid("first page of the full-body routine", "read", m, page(*first_page), fields(*first_page)),
        valid("last page, with the hands-only face step", "read", m, page(*last_page), fields(*last_page)),
        valid("header only", "read", m, page(2, 5, 276, 0, []), fields(2, 5, 276, 0, [])),
        invalid("four bytes", "read", m, page(2, 5, 276, 0, [])[:4], INVALID_LENGTH),
        invalid("partial step", "read", m, page(*first_page)[:12], INVALID_LENGTH),
        invalid("steps past the count", "read", m, page(4, 4, 485, 2, [(9, 90, 2, 2), (10, 90, 2, 2), (9, 90, 2, 2)]), VALUE_NOT_ALLOWED),
        invalid("level 6", "read", m, page(1, 6, 533, 0, [(1, 120, 0, 6)]), VALUE_NOT_ALLOWED),
    ]
    write_file("routine-catalog", "Routine catalog: 2-byte selection of routine and first step (write) and pages of up to 3 steps (read; protocol 1.1).", v)


def session_history():
    m = "SessionHistoryPage"
    s = "SessionHistorySelection"

    def entry(time, wall, drive, level, routine, head, stop):
        return struct.pack("<IHBB", time, drive | (level << 10) | (0x8000 if wall else 0), routine, head | (stop << 4))

    def page(total, first, today, entries):
        return struct.pack("<BBH", total, first, today) + b"".join(entry(*e) for e in entries)

    def fields(total, first, today, entries):
        return {"totalEntries": total, "firstIndex": first, "todayDriveSeconds": today,
                "entries": [{"time": t, "wallClock": w, "driveSeconds": d, "highestLevel": l, "routine": ROUTINES[r],
                             "head": HEADS[h], "stopReason": STOPS[x]} for t, w, d, l, r, h, x in entries]}

    two = [(1796551200, True, 532, 2, 1, 1, 7), (3605, False, 61, 5, 0, 3, 1)]
    extreme = [(0xFFFFFFFF, True, 1023, 5, 4, 2, 8)]
    v = [
        valid("select newest", "write", s, bytes([0]), {"firstIndex": 0}),
        valid("select oldest", "write", s, bytes([31]), {"firstIndex": 31}),
        invalid("select 32", "write", s, bytes([32]), PAGE_OUT_OF_RANGE),
        invalid("select 255", "write", s, bytes([255]), PAGE_OUT_OF_RANGE),
        invalid("empty selection", "write", s, b"", INVALID_LENGTH),
        invalid("two-byte selection", "write", s, bytes([0, 0]), INVALID_LENGTH),
        invalid("selection at offset 1", "write", s, bytes([0]), INVALID_OFFSET, offset=1),
        valid("empty history", "read", m, page(0, 0, 0, []), fields(0, 0, 0, [])),
        valid("routine with wall-clock time then a manual session", "read", m, page(12, 0, 593, two), fields(12, 0, 593, two)),
        valid("last page of a full history, extreme values", "read", m, page(32, 31, 65535, extreme), fields(32, 31, 65535, extreme)),
        invalid("three bytes", "read", m, page(0, 0, 0, [])[:3], INVALID_LENGTH),
        invalid("partial entry", "read", m, page(12, 0, 593, two)[:10], INVALID_LENGTH),
        invalid("three entries", "read", m, page(12, 0, 593, two + extreme), INVALID_LENGTH),
        invalid("total above 32", "read", m, page(33, 0, 0, []), VALUE_NOT_ALLOWED),
        invalid("first index 32", "read", m, page(32, 32, 0, []), VALUE_NOT_ALLOWED),
        invalid("level 6", "read", m, page(1, 0, 0, [(0, False, 10, 6, 0, 1, 1)]), VALUE_NOT_ALLOWED),
        invalid("reserved bits set", "read", m, struct.pack("<BBH", 1, 0, 0) + struct.pack("<IHBB", 0, 0x2000 | 10, 0, 0x11), VALUE_NOT_ALLOWED),
    ]
    write_file("session-history", "Session history: 1-byte page selection (write) and pages of up to 2 entries with today's drive time (read; protocol 1.1).", v)


def current_time():
    m = "CurrentTime"

    def value(year, month, day, hours, minutes, seconds, weekday, fractions=0, reason=0):
        return struct.pack("<HBBBBBBBB", year, month, day, hours, minutes, seconds, weekday, fractions, reason)

    def fields(year, month, day, hours, minutes, seconds, weekday, fractions=0, reason=0):
        return {"year": year, "month": month, "day": day, "hours": hours, "minutes": minutes, "seconds": seconds,
                "dayOfWeek": weekday, "fractions256": fractions, "adjustReason": reason}

    typical = (2026, 12, 6, 10, 0, 0, 7, 0, 1)
    v = [
        valid("Sunday morning, manual update", "write", m, value(*typical), fields(*typical)),
        valid("first second of 1970, weekday unknown", "write", m, value(1970, 1, 1, 0, 0, 0, 0), fields(1970, 1, 1, 0, 0, 0, 0)),
        valid("leap day", "write", m, value(2028, 2, 29, 23, 59, 59, 2, 255, 15), fields(2028, 2, 29, 23, 59, 59, 2, 255, 15)),
        valid("last year accepted", "read", m, value(2105, 12, 31, 23, 59, 59, 1), fields(2105, 12, 31, 23, 59, 59, 1)),
        invalid("nine bytes", "write", m, value(*typical)[:9], INVALID_LENGTH),
        invalid("eleven bytes", "write", m, value(*typical) + b"\x00", INVALID_LENGTH),
        invalid("at offset 1", "write", m, value(*typical), INVALID_OFFSET, offset=1),
        invalid("year unknown (0)", "write", m, value(0, 12, 6, 10, 0, 0, 7), VALUE_NOT_ALLOWED),
        invalid("year 1969", "write", m, value(1969, 12, 31, 23, 0, 0, 3), VALUE_NOT_ALLOWED),
        invalid("year 2106", "write", m, value(2106, 1, 1, 0, 0, 0, 5), VALUE_NOT_ALLOWED),
        invalid("month 13", "write", m, value(2026, 13, 1, 0, 0, 0, 0), VALUE_NOT_ALLOWED),
        invalid("29 February of a common year", "write", m, value(2026, 2, 29, 0, 0, 0, 0), VALUE_NOT_ALLOWED),
        invalid("31 April", "write", m, value(2026, 4, 31, 0, 0, 0, 0), VALUE_NOT_ALLOWED),
        invalid("hour 24", "write", m, value(2026, 12, 6, 24, 0, 0, 7), VALUE_NOT_ALLOWED),
        invalid("minute 60", "write", m, value(2026, 12, 6, 10, 60, 0, 7), VALUE_NOT_ALLOWED),
        invalid("second 60", "write", m, value(2026, 12, 6, 10, 0, 60, 7), VALUE_NOT_ALLOWED),
        invalid("day of week 8", "write", m, value(2026, 12, 6, 10, 0, 0, 8), VALUE_NOT_ALLOWED),
        invalid("reserved adjust-reason bits", "write", m, value(2026, 12, 6, 10, 0, 0, 7, 0, 0x10), VALUE_NOT_ALLOWED),
    ]
    write_file("current-time", "Current Time 0x2A2B of the Current Time Service 0x1805, 10 bytes (read, write and notify; protocol 1.1).", v)


# ---------------------------------------------------------------- battery
def battery_level():
    m = "BatteryLevel"
    v = [
        valid("empty battery", "notify", m, bytes([0]), {"percent": 0}),
        valid("typical", "read", m, bytes([57]), {"percent": 57}),
        valid("full", "read", m, bytes([100]), {"percent": 100}),
        invalid("reserved 101", "read", m, bytes([101]), VALUE_NOT_ALLOWED),
        invalid("reserved 255", "read", m, bytes([255]), VALUE_NOT_ALLOWED),
        invalid("empty", "read", m, b"", INVALID_LENGTH),
        invalid("two bytes", "read", m, bytes([100, 0]), INVALID_LENGTH),
        valid("presentation format descriptor", "read", "PresentationFormat", struct.pack("<BbHBH", 0x04, 0, 0x27AD, 0x01, 0x0000),
              {"format": 4, "exponent": 0, "unit": 0x27AD, "nameSpace": 1, "description": 0}),
    ]
    write_file("battery-level", "Battery Level 0x2A19 (uint8 percent, read and notify) and its 0x2904 descriptor.", v)


# ---------------------------------------------------------------- factory: calibration
def calibration_bytes(version=1, sustain=600, breakaway=900, kick=2800, kick_ms=30, levels=(1000, 1400, 1800, 2200, 2600), corrupt_crc=False):
    body = struct.pack("<BHHHB5H", version, sustain, breakaway, kick, kick_ms, *levels)
    crc = zlib.crc32(body) & 0xFFFFFFFF
    if corrupt_crc:
        crc ^= 0x00010000
    return body + struct.pack("<I", crc)


def calibration_fields(sustain=600, breakaway=900, kick=2800, kick_ms=30, levels=(1000, 1400, 1800, 2200, 2600)):
    return {"version": 1, "sustainMillivolts": sustain, "breakawayMillivolts": breakaway, "kickMillivolts": kick,
            "kickMilliseconds": kick_ms, "levelMillivolts": list(levels)}


def calibration():
    m = "CalibrationRecord"
    typical = calibration_bytes()
    v = [
        valid("typical record", "write", m, typical, calibration_fields()),
        valid("typical record read back", "read", m, typical, calibration_fields()),
        valid("lowest voltages, no kick", "write", m,
              calibration_bytes(sustain=500, breakaway=500, kick=500, kick_ms=0, levels=(501, 502, 503, 504, 505)),
              calibration_fields(sustain=500, breakaway=500, kick=500, kick_ms=0, levels=(501, 502, 503, 504, 505))),
        valid("at the ceiling, longest kick", "write", m,
              calibration_bytes(sustain=2995, breakaway=3000, kick=3000, kick_ms=50, levels=(2996, 2997, 2998, 2999, 3000)),
              calibration_fields(sustain=2995, breakaway=3000, kick=3000, kick_ms=50, levels=(2996, 2997, 2998, 2999, 3000))),
        invalid("21 bytes", "write", m, typical[:21], INVALID_LENGTH),
        invalid("23 bytes", "write", m, typical + b"\x00", INVALID_LENGTH),
        invalid("empty", "write", m, b"", INVALID_LENGTH),
        invalid("CRC mismatch", "write", m, calibration_bytes(corrupt_crc=True), CRC_MISMATCH),
        invalid("CRC checked before version", "write", m, calibration_bytes(version=2, corrupt_crc=True), CRC_MISMATCH),
        invalid("version 2", "write", m, calibration_bytes(version=2), RECORD_VERSION_UNSUPPORTED),
        invalid("version 0", "write", m, calibration_bytes(version=0), RECORD_VERSION_UNSUPPORTED),
        invalid("level 5 above the ceiling", "write", m, calibration_bytes(levels=(1000, 1400, 1800, 2200, 3001)), DRIVE_ABOVE_CEILING),
        invalid("kick above the ceiling", "write", m, calibration_bytes(kick=3001), DRIVE_ABOVE_CEILING),
        invalid("breakaway 65535 mV", "write", m, calibration_bytes(breakaway=65535), DRIVE_ABOVE_CEILING),
        invalid("ceiling checked before order", "write", m, calibration_bytes(levels=(1000, 900, 1800, 2200, 3001)), DRIVE_ABOVE_CEILING),
        invalid("levels not increasing", "write", m, calibration_bytes(levels=(1000, 1400, 1400, 2200, 2600)), CALIBRATION_OUT_OF_RANGE),
        invalid("levels decreasing", "write", m, calibration_bytes(levels=(2600, 2200, 1800, 1400, 1000)), CALIBRATION_OUT_OF_RANGE),
        invalid("kick of 51 ms", "write", m, calibration_bytes(kick_ms=51), CALIBRATION_OUT_OF_RANGE),
        invalid("sustain below 500 mV", "write", m, calibration_bytes(sustain=499), CALIBRATION_OUT_OF_RANGE),
        invalid("breakaway below 500 mV", "write", m, calibration_bytes(breakaway=0), CALIBRATION_OUT_OF_RANGE),
        invalid("kick below 500 mV", "write", m, calibration_bytes(kick=0), CALIBRATION_OUT_OF_RANGE),
        invalid("level 1 equal to sustain", "write", m, calibration_bytes(sustain=1000), CALIBRATION_OUT_OF_RANGE),
        invalid("level 1 below sustain", "write", m, calibration_bytes(sustain=1100), CALIBRATION_OUT_OF_RANGE),
        invalid("valid record at offset 1", "write", m, typical, INVALID_OFFSET, offset=1),
    ]
    write_file("calibration", "Calibration record, 22 bytes with CRC-32 (factory mode; read and write).", v)


# ---------------------------------------------------------------- factory: sensor calibration
def sensor_calibration_bytes(version=1, gains=(1000000, 1000000, 1000000), offsets=(0, 0, 0), corrupt_crc=False):
    body = struct.pack("<B", version)
    for gain, offset in zip(gains, offsets):
        body += struct.pack("<ii", gain, offset)
    crc = zlib.crc32(body) & 0xFFFFFFFF
    if corrupt_crc:
        crc ^= 0x00000100
    return body + struct.pack("<I", crc)


def sensor_calibration_fields(gains=(1000000, 1000000, 1000000), offsets=(0, 0, 0)):
    return {"version": 1, "gainMicros": list(gains), "offsetMilliCounts": list(offsets)}


def sensor_calibration():
    m = "SensorCalibrationRecord"
    gains = (1012345, 953210, 1087654)
    offsets = (-45678, 12000, 87654)
    typical = sensor_calibration_bytes(gains=gains, offsets=offsets)
    v = [
        valid("typical record", "write", m, typical, sensor_calibration_fields(gains, offsets)),
        valid("typical record read back", "read", m, typical, sensor_calibration_fields(gains, offsets)),
        valid("unity, no offset", "write", m, sensor_calibration_bytes(), sensor_calibration_fields()),
        valid("extremes", "write", m, sensor_calibration_bytes(gains=(880000, 1140000, 880000), offsets=(-100000, 100000, 0)),
              sensor_calibration_fields((880000, 1140000, 880000), (-100000, 100000, 0))),
        invalid("28 bytes", "write", m, typical[:28], INVALID_LENGTH),
        invalid("30 bytes", "write", m, typical + b"\x00", INVALID_LENGTH),
        invalid("empty", "write", m, b"", INVALID_LENGTH),
        invalid("CRC mismatch", "write", m, sensor_calibration_bytes(corrupt_crc=True), CRC_MISMATCH),
        invalid("version 2", "write", m, sensor_calibration_bytes(version=2), RECORD_VERSION_UNSUPPORTED),
        invalid("gain below 0.88", "write", m, sensor_calibration_bytes(gains=(879999, 1000000, 1000000)), CALIBRATION_OUT_OF_RANGE),
        invalid("gain above 1.14", "write", m, sensor_calibration_bytes(gains=(1000000, 1000000, 1140001)), CALIBRATION_OUT_OF_RANGE),
        invalid("offset beyond 100 counts", "write", m, sensor_calibration_bytes(offsets=(0, -100001, 0)), CALIBRATION_OUT_OF_RANGE),
        invalid("valid record at offset 1", "write", m, typical, INVALID_OFFSET, offset=1),
    ]
    write_file("sensor-calibration", "Sensor calibration record, 29 bytes with CRC-32 (SR-18; factory mode; read and write).", v)


# ---------------------------------------------------------------- factory: others
def raw_drive():
    m = "RawDriveCommand"

    def d(mv, ms):
        return struct.pack("<HH", mv, ms)

    v = [
        valid("typical", "write", m, d(1500, 2000), {"millivolts": 1500, "durationMilliseconds": 2000}),
        valid("stop (zero volts, shortest)", "write", m, d(0, 1), {"millivolts": 0, "durationMilliseconds": 1}),
        valid("ceiling, longest", "write", m, d(3000, 10000), {"millivolts": 3000, "durationMilliseconds": 10000}),
        invalid("3001 mV", "write", m, d(3001, 100), DRIVE_ABOVE_CEILING),
        invalid("65535 mV", "write", m, d(65535, 100), DRIVE_ABOVE_CEILING),
        invalid("zero duration", "write", m, d(1000, 0), DURATION_OUT_OF_RANGE),
        invalid("10001 ms", "write", m, d(1000, 10001), DURATION_OUT_OF_RANGE),
        invalid("voltage checked before duration", "write", m, d(5000, 0), DRIVE_ABOVE_CEILING),
        invalid("three bytes", "write", m, d(1000, 100)[:3], INVALID_LENGTH),
        invalid("five bytes", "write", m, d(1000, 100) + b"\x00", INVALID_LENGTH),
        invalid("offset 1", "write", m, d(1000, 100), INVALID_OFFSET, offset=1),
    ]
    write_file("raw-drive", "Raw drive, 4 bytes (factory mode; write).", v)


def raw_sensors():
    m = "RawSensorReadings"

    def r(head_id, ntc, battery, mv, centi, duty):
        return struct.pack("<HHHHhH", head_id, ntc, battery, mv, centi, duty)

    v = [
        valid("typical", "read", m, r(869, 2048, 2600, 3900, 3150, 4500),
              {"headIdCounts": 869, "thermistorCounts": 2048, "batteryCounts": 2600, "batteryMillivolts": 3900, "headTemperatureCentidegrees": 3150, "dutyTenThousandths": 4500}),
        valid("extremes", "read", m, r(4095, 0, 4095, 65535, -32768, 10000),
              {"headIdCounts": 4095, "thermistorCounts": 0, "batteryCounts": 4095, "batteryMillivolts": 65535, "headTemperatureCentidegrees": -32768, "dutyTenThousandths": 10000}),
        invalid("eleven bytes", "read", m, bytes(11), INVALID_LENGTH),
    ]
    write_file("raw-sensors", "Raw sensor readings, 12 bytes (factory mode; read).", v)


def factory_serial():
    m = "SerialNumber"
    v = [
        valid("typical", "write", m, b"WND-24-000123", {"text": "WND-24-000123"}),
        valid("one character", "write", m, b"A", {"text": "A"}),
        valid("sixteen characters", "write", m, b"ABCDEFGHIJ012345", {"text": "ABCDEFGHIJ012345"}),
        invalid("empty", "write", m, b"", INVALID_LENGTH),
        invalid("seventeen characters", "write", m, b"ABCDEFGHIJ0123456", INVALID_LENGTH),
        invalid("lower case", "write", m, b"wnd-1", SERIAL_NUMBER_INVALID),
        invalid("space", "write", m, b"WND 1", SERIAL_NUMBER_INVALID),
        invalid("NUL byte", "write", m, b"WND\x00", SERIAL_NUMBER_INVALID),
        invalid("underscore", "write", m, b"WND_1", SERIAL_NUMBER_INVALID),
        invalid("offset 1", "write", m, b"WND-1", INVALID_OFFSET, offset=1),
    ]
    write_file("factory-serial", "Serial number provisioning, 1 to 16 characters A-Z 0-9 '-' (factory mode; read and write).", v)


def self_test():
    c = "SelfTestCommand"
    m = "SelfTestReport"
    v = [
        valid("start", "write", c, bytes([1]), {}),
        invalid("zero", "write", c, bytes([0]), VALUE_NOT_ALLOWED),
        invalid("two", "write", c, bytes([2]), VALUE_NOT_ALLOWED),
        invalid("empty", "write", c, b"", INVALID_LENGTH),
        invalid("two bytes", "write", c, bytes([1, 1]), INVALID_LENGTH),
        invalid("offset 1", "write", c, bytes([1]), INVALID_OFFSET, offset=1),
        valid("not run", "read", m, struct.pack("<BHH", 0, 0, 0), {"state": "NotRun", "checksRun": "None", "checksFailed": "None"}),
        valid("running", "notify", m, struct.pack("<BHH", 1, 0x0003, 0), {"state": "Running", "checksRun": "HeadIdentity, Thermistor", "checksFailed": "None"}),
        valid("passed", "notify", m, struct.pack("<BHH", 2, 0x003F, 0), {"state": "Passed", "checksRun": "HeadIdentity, Thermistor, BatteryVoltage, MotorDrive, Calibration, Storage", "checksFailed": "None"}),
        valid("motor drive failed", "notify", m, struct.pack("<BHH", 3, 0x003F, 0x0008), {"state": "Failed", "checksRun": "HeadIdentity, Thermistor, BatteryVoltage, MotorDrive, Calibration, Storage", "checksFailed": "MotorDrive"}),
        invalid("four bytes", "read", m, bytes(4), INVALID_LENGTH),
    ]
    write_file("self-test", "Self-test start (1-byte write) and result, 5 bytes (factory mode; read and notify).", v)


# ---------------------------------------------------------------- access rules
def access():
    def a(name, characteristic, operation, error, length=0, offset=0, encrypted=True, factory_mode=False):
        return {"name": name, "characteristic": characteristic, "operation": operation, "length": length, "offset": offset,
                "encrypted": encrypted, "factoryMode": factory_mode, "error": error}

    v = [
        a("status read on an encrypted link", "status", "read", OK),
        a("status read on a plain link", "status", "read", INSUFFICIENT_ENCRYPTION, encrypted=False),
        a("protocol version read on a plain link", "protocol-version", "read", INSUFFICIENT_ENCRYPTION, encrypted=False),
        a("control point write on a plain link", "control-point", "write", INSUFFICIENT_ENCRYPTION, length=5, encrypted=False),
        a("control point write command", "control-point", "write-command", WRITE_NOT_PERMITTED, length=1),
        a("control point read", "control-point", "read", READ_NOT_PERMITTED),
        a("status write", "status", "write", WRITE_NOT_PERMITTED, length=17),
        a("limits write on a plain link (property before security)", "limits", "write", WRITE_NOT_PERMITTED, length=17, encrypted=False),
        a("settings write of 3 bytes", "settings", "write", INVALID_LENGTH, length=3),
        a("settings write at offset 1", "settings", "write", INVALID_OFFSET, length=4, offset=1),
        a("settings length checked before offset", "settings", "write", INVALID_LENGTH, length=3, offset=1),
        a("settings security checked before length", "settings", "write", INSUFFICIENT_ENCRYPTION, length=3, encrypted=False),
        a("settings write of 4 bytes", "settings", "write", OK, length=4),
        a("status read at offset 1", "status", "read", INVALID_OFFSET, offset=1),
        a("fault log selection", "fault-log", "write", OK, length=1),
        a("fault log selection of 2 bytes", "fault-log", "write", INVALID_LENGTH, length=2),
        a("control point write of 6 bytes", "control-point", "write", INVALID_LENGTH, length=6),
        a("control point empty write", "control-point", "write", INVALID_LENGTH, length=0),
        a("calibration read outside factory mode", "calibration", "read", INSUFFICIENT_AUTHORIZATION),
        a("calibration read in factory mode", "calibration", "read", OK, factory_mode=True),
        a("calibration read in factory mode on a plain link", "calibration", "read", INSUFFICIENT_ENCRYPTION, encrypted=False, factory_mode=True),
        a("calibration write outside factory mode", "calibration", "write", INSUFFICIENT_AUTHORIZATION, length=22),
        a("raw drive outside factory mode", "raw-drive", "write", INSUFFICIENT_AUTHORIZATION, length=4),
        a("raw drive in factory mode", "raw-drive", "write", OK, length=4, factory_mode=True),
        a("raw drive read", "raw-drive", "read", READ_NOT_PERMITTED, factory_mode=True),
        a("serial provisioning outside factory mode", "factory-serial", "write", INSUFFICIENT_AUTHORIZATION, length=8),
        a("self-test subscribe outside factory mode", "self-test", "subscribe", INSUFFICIENT_AUTHORIZATION),
        a("self-test subscribe in factory mode", "self-test", "subscribe", OK, factory_mode=True),
        a("battery level read on a plain link", "battery-level", "read", OK, encrypted=False),
        a("battery level subscribe on a plain link", "battery-level", "subscribe", OK, encrypted=False),
        a("battery level write", "battery-level", "write", WRITE_NOT_PERMITTED, length=1),
        a("manufacturer name read on a plain link", "manufacturer-name", "read", OK, encrypted=False),
        a("serial number read on a plain link", "serial-number", "read", OK, encrypted=False),
        a("status subscribe on a plain link", "status", "subscribe", INSUFFICIENT_ENCRYPTION, encrypted=False),
        a("status subscribe", "status", "subscribe", OK),
        a("limits subscribe (no notify property)", "limits", "subscribe", REQUEST_NOT_SUPPORTED),
        a("routine read (1.1)", "routine", "read", OK),
        a("routine read on a plain link (1.1)", "routine", "read", INSUFFICIENT_ENCRYPTION, encrypted=False),
        a("routine write (1.1)", "routine", "write", WRITE_NOT_PERMITTED, length=1),
        a("routine subscribe (1.1)", "routine", "subscribe", OK),
        a("routine catalog selection of 1 byte (1.1)", "routine-catalog", "write", INVALID_LENGTH, length=1),
        a("session history read on a plain link (1.1)", "session-history", "read", INSUFFICIENT_ENCRYPTION, encrypted=False),
        a("session history selection of 2 bytes (1.1)", "session-history", "write", INVALID_LENGTH, length=2),
        a("session history subscribe (no notify property, 1.1)", "session-history", "subscribe", REQUEST_NOT_SUPPORTED),
        a("current time write on a plain link (1.1)", "current-time", "write", INSUFFICIENT_ENCRYPTION, length=10, encrypted=False),
        a("current time write of 9 bytes (1.1)", "current-time", "write", INVALID_LENGTH, length=9),
        a("current time write command (1.1)", "current-time", "write-command", WRITE_NOT_PERMITTED, length=10),
        a("sensor calibration read outside factory mode (1.1)", "sensor-calibration", "read", INSUFFICIENT_AUTHORIZATION),
        a("sensor calibration write of 28 bytes (1.1)", "sensor-calibration", "write", INVALID_LENGTH, length=28, factory_mode=True),
        a("unknown characteristic 24", 24, "read", INVALID_HANDLE),
        a("unknown characteristic 255", 255, "write", INVALID_HANDLE, length=1),
        a("negative characteristic index", -1, "subscribe", INVALID_HANDLE),
    ]
    document = {"schemaVersion": SCHEMA_VERSION, "description": "Checks before the value: handle, property, security, length, offset.", "vectors": v}
    with open(os.path.join(HERE, "access.json"), "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")


# ---------------------------------------------------------------- framing
def frame(operation, sequence, characteristic, body):
    inner = struct.pack("<HBBB", 3 + len(body), operation, sequence, characteristic) + body
    return b"\xA5\x5A" + inner + struct.pack("<I", zlib.crc32(inner) & 0xFFFFFFFF)


def framing():
    frames = [
        ("read request", 0x01, 0x11, 1, b"\x00\x00"),
        ("read response (status)", 0x02, 0x11, 1, status(0, 0, 0, 0, 0, 0, 0, 3900, 2500, 0, 0, 0, 80)),
        ("write request (start)", 0x03, 0x12, 0, b"\x00\x00" + start(3, 2, 600)),
        ("write response", 0x04, 0x12, 0, b""),
        ("write command", 0x05, 0x13, 2, struct.pack("<HBB", 600, 3, 0)),
        ("subscribe", 0x06, 0x14, 1, b""),
        ("unsubscribe", 0x07, 0x15, 1, b""),
        ("subscribe response", 0x08, 0x14, 1, b""),
        ("notification (result)", 0x09, 0x00, 0, struct.pack("<BBH", 1, 0, 600)),
        ("error response (level out of range)", 0x0A, 0x16, 0, bytes([0x03, 0x81])),
        ("link control connect encrypted", 0x0B, 0x17, 0xFF, bytes([0x01, 0x01])),
        ("link control response", 0x0C, 0x17, 0xFF, bytes([0x01, 0x00, 0x01])),
        ("largest body", 0x03, 0xFF, 7, b"\x00\x00" + bytes((i * 13) & 0xFF for i in range(512))),
    ]
    single = []
    for name, operation, sequence, characteristic, body in frames:
        single.append({"name": name, "hex": hexstr(frame(operation, sequence, characteristic, body)),
                       "frames": [{"operation": operation, "sequence": sequence, "characteristic": characteristic, "body": hexstr(body)}],
                       "discardedBytes": 0, "crcErrors": 0, "lengthErrors": 0})

    good = frame(0x01, 0x21, 1, b"\x00\x00")
    good2 = frame(0x09, 0x22, 1, b"\x01\x02")
    expected = [{"operation": 0x01, "sequence": 0x21, "characteristic": 1, "body": "0000"}]
    expected2 = expected + [{"operation": 0x09, "sequence": 0x22, "characteristic": 1, "body": "0102"}]
    corrupted = bytearray(good2)
    corrupted[8] ^= 0xFF
    false_start = b"\xA5\x5A\x28\x00\x01"
    streams = [
        {"name": "garbage before a frame", "hex": hexstr(b"\x00\x13\x37\xFF" + good), "frames": expected, "discardedBytes": 4, "crcErrors": 0, "lengthErrors": 0},
        {"name": "lone first marker bytes", "hex": hexstr(b"\xA5\xA5\x00" + good), "frames": expected, "discardedBytes": 3, "crcErrors": 0, "lengthErrors": 0},
        {"name": "length field 2 (too short)", "hex": hexstr(b"\xA5\x5A\x02\x00" + good), "frames": expected, "discardedBytes": 4, "crcErrors": 0, "lengthErrors": 1},
        {"name": "length field 518 (too long)", "hex": hexstr(b"\xA5\x5A\x06\x02" + good), "frames": expected, "discardedBytes": 4, "crcErrors": 0, "lengthErrors": 1},
        {"name": "corrupted frame then a good one", "hex": hexstr(bytes(corrupted) + good), "frames": expected, "discardedBytes": len(corrupted), "crcErrors": 1, "lengthErrors": 0},
        {"name": "frame hidden in a false start", "hex": hexstr(false_start + good + bytes(40)),
         "frames": expected, "discardedBytes": len(false_start) + 40, "crcErrors": 1, "lengthErrors": 0},
        {"name": "two frames back to back", "hex": hexstr(good + good2), "frames": expected2, "discardedBytes": 0, "crcErrors": 0, "lengthErrors": 0},
        {"name": "truncated frame yields nothing", "hex": hexstr(good[:-1]), "frames": [], "discardedBytes": 0, "crcErrors": 0, "lengthErrors": 0},
    ]
    document = {"schemaVersion": SCHEMA_VERSION, "description": "Stream frames: one per operation, and streams with garbage.",
                "vectors": single + streams}
    with open(os.path.join(HERE, "framing.json"), "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")


def crc():
    document = {"schemaVersion": SCHEMA_VERSION, "description": "CRC-32 (IEEE 802.3, reflected 0xEDB88320).", "vectors": [
        {"name": "check string", "hex": hexstr(b"123456789"), "crc": "0xcbf43926"},
        {"name": "empty", "hex": "", "crc": "0x00000000"},
        {"name": "one zero byte", "hex": "00", "crc": "0x%08x" % (zlib.crc32(b"\x00") & 0xFFFFFFFF)},
        {"name": "typical calibration record body", "hex": hexstr(calibration_bytes()[:18]), "crc": "0x%08x" % (zlib.crc32(calibration_bytes()[:18]) & 0xFFFFFFFF)},
    ]}
    with open(os.path.join(HERE, "crc32.json"), "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")


if __name__ == "__main__":
    control_point()
    status_vectors()
    settings()
    head()
    limits()
    fault_log()
    protocol_version()
    routine_progress()
    routine_catalog()
    session_history()
    current_time()
    battery_level()
    calibration()
    sensor_calibration()
    raw_drive()
    raw_sensors()
    factory_serial()
    self_test()
    access()
    framing()
    crc()
