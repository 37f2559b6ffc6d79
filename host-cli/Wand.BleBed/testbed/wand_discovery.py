'''Discovery on the bed's adapters as BlueZ 5.66 does it (https://github.com/bluez/bluez/tree/5.66), with a clock
the tests can drive.

What it follows:
  - doc/adapter-api.txt SetDiscoveryFilter, StartDiscovery, StopDiscovery; src/adapter.c:
      * filters and discovery sessions are per D-Bus client and end when the client leaves the bus
        (discovery_disconnect); StartDiscovery twice from one client is InProgress "Operation already in progress",
        StopDiscovery without a session is Failed "No discovery started" (start_discovery, stop_discovery);
      * parse_discovery_filter_dict: keys UUIDs (as), RSSI (n, -127..20), Pathloss (q, at most 137), Transport
        (auto, bredr, le), DuplicateData (b, false unless set), Discoverable (b), Pattern (s); an unknown key, a wrong
        type or RSSI with Pathloss is InvalidArguments "Invalid arguments in method call"; an empty filter removes it;
      * merge_discovery_filters: the kernel filter is the union of the clients' UUIDs (none if any client has none),
        the lowest RSSI threshold (none if any client has none), the union of transports; a client without a filter
        makes the scan unfiltered; is_filter_match then needs one client's UUIDs to match (its proximity test passes
        whenever Pathloss is unset, so RSSI is the kernel's to apply);
      * device_is_discoverable: a Pattern is a prefix of the address or the name; a client with a pattern makes
        devices that match no pattern undiscoverable (an empty pattern matches all);
      * btd_adapter_update_found_device: every report updates the device's last seen time; ServiceData is signalled
        on every report when a client asked for DuplicateData, otherwise only when it changes.
  - src/device.c: a device created by discovery is temporary; each report restarts its timer
    (device_update_last_seen, set_temporary_timer) and it is removed, with InterfacesRemoved, TemporaryTimeout
    seconds after it was last seen (device_disappeared; src/main.conf TemporaryTimeout, default 30). Connect, Pair
    and a resolved service list make it permanent; a failed pairing makes an unpaired, untrusted device temporary
    again (device_bonding_complete); a connection stops its timer.

The clock: in real mode a GLib timer ticks every second; SetClock("virtual") stops that, and AdvanceClock(seconds)
moves time on in one-second steps, each with the advertising reports and expiries that step holds.
'''

import time

import dbus
from gi.repository import GLib
from dbusmock import mockobject


TESTBED_IFACE = 'org.wandfirmware.TestBed'
ADAPTER_IFACE = 'org.bluez.Adapter1'
DEVICE_IFACE = 'org.bluez.Device1'
OBJECT_MANAGER_IFACE = 'org.freedesktop.DBus.ObjectManager'

__all__ = ['SetClock', 'AdvanceClock']

# src/main.conf TemporaryTimeout (btd_opts.tmpto), default 30 s.
TEMPORARY_TIMEOUT_SECONDS = 30
# src/device.c RSSI_THRESHOLD: the change an unfiltered discovery needs before it reports a new RSSI, dBm.
RSSI_THRESHOLD = 8
# src/adapter.c parse_pathloss: PATHLOSS_MAX.
PATHLOSS_MAX = 137
# An advertising wand in range is reported once per bed second (real advertising intervals are 20 ms to 10 s;
# one report a second is enough for expiry, which counts whole seconds).
REPORT_INTERVAL_SECONDS = 1
# src/adapter.c: SCAN_TYPE_BREDR (1 << BDADDR_BREDR), SCAN_TYPE_LE ((1 << BDADDR_LE_PUBLIC) | (1 << BDADDR_LE_RANDOM)).
SCAN_TYPE_BREDR = 0x01
SCAN_TYPE_LE = 0x06
SCAN_TYPE_DUAL = SCAN_TYPE_BREDR | SCAN_TYPE_LE
BLUETOOTH_BASE_SUFFIX = '-0000-1000-8000-00805f9b34fb'

CLOCK = {'virtual': False, 'now': 0.0, 'timer': None}
# Supplied by wand_bluez: WANDS (address -> record), create_device(address, record), change(obj, iface, changes).
HOST = {}


def configure(wands, create_device, change):
    HOST.update({'wands': wands, 'create_device': create_device, 'change': change})
    CLOCK['timer'] = GLib.timeout_add_seconds(REPORT_INTERVAL_SECONDS, _real_tick)


def now():
    '''Bed seconds: the virtual clock, or the monotonic clock in real mode.'''
    return CLOCK['now'] if CLOCK['virtual'] else time.monotonic()


@dbus.service.method(TESTBED_IFACE, in_signature='s', out_signature='')
def SetClock(self, mode):
    '''real: one report and expiry check per wall-clock second; virtual: only AdvanceClock moves time.'''
    if mode not in ('real', 'virtual'):
        raise dbus.exceptions.DBusException(f'clock mode {mode}: use real or virtual', name='org.bluez.Error.InvalidArguments')
    if mode == 'virtual' and not CLOCK['virtual']:
        CLOCK['now'] = time.monotonic()
    CLOCK['virtual'] = mode == 'virtual'


@dbus.service.method(TESTBED_IFACE, in_signature='u', out_signature='')
def AdvanceClock(self, seconds):
    '''Moves the virtual clock on, one second at a time, with the reports and expiries of each second.'''
    if not CLOCK['virtual']:
        raise dbus.exceptions.DBusException('the clock is real: SetClock("virtual") first', name='org.bluez.Error.NotPermitted')
    for _ in range(int(seconds)):
        CLOCK['now'] += 1
        _tick()


def _real_tick():
    if not CLOCK['virtual']:
        _tick()
    return True


def _tick():
    for path, obj in list(mockobject.objects.items()):
        if ADAPTER_IFACE in getattr(obj, 'props', {}) and hasattr(obj, 'discovery_list') and obj.discovery_list:
            report_all(obj)
    _expire()


def attach(adapter):
    '''Gives a bed adapter per-client discovery (replaces the stock template's StartDiscovery, StopDiscovery and
    SetDiscoveryFilter, which keep one filter for everyone).'''
    adapter.discovery_list = set()     # senders with a discovery session
    adapter.filters = {}               # sender -> parsed filter (a client may set one before StartDiscovery)
    adapter.watches = {}               # sender -> name-owner watch
    for name, signature, implementation in (('StartDiscovery', '', _start_discovery),
                                            ('StopDiscovery', '', _stop_discovery),
                                            ('SetDiscoveryFilter', 'a{sv}', _set_discovery_filter)):
        adapter.methods[ADAPTER_IFACE][name] = (signature, '', None, _with_sender(name, signature, implementation))


def _with_sender(name, signature, implementation):
    if signature:
        def method(self, argument, sender=None):
            self.log(f'{name} from {sender}')
            self.call_log.append((0, name, [argument]))
            return implementation(self, argument, str(sender))
    else:
        def method(self, sender=None):
            self.log(f'{name} from {sender}')
            self.call_log.append((0, name, []))
            return implementation(self, str(sender))
    wrapped = dbus.service.method(ADAPTER_IFACE, in_signature=signature, out_signature='', sender_keyword='sender')(method)
    wrapped.__name__ = name
    return wrapped


def _watch(adapter, sender):
    if sender in adapter.watches:
        return

    def owner_changed(owner):
        if not owner:
            _client_left(adapter, sender)
    adapter.watches[sender] = dbus.SystemBus().watch_name_owner(sender, owner_changed)


def _client_left(adapter, sender):
    '''discovery_disconnect: the client left the bus; its session and filter end.'''
    watch = adapter.watches.pop(sender, None)
    if watch is not None:
        watch.cancel()
    adapter.filters.pop(sender, None)
    if sender in adapter.discovery_list:
        adapter.discovery_list.discard(sender)
        _set_discovering(adapter)


def _set_discovering(adapter):
    discovering = bool(adapter.discovery_list)
    if not discovering:
        _invalidate_rssi(adapter)
    if adapter.props[ADAPTER_IFACE]['Discovering'] != discovering:
        HOST['change'](adapter, ADAPTER_IFACE, {'Discovering': dbus.Boolean(discovering)})


def _invalid():
    return dbus.exceptions.DBusException('Invalid arguments in method call', name='org.bluez.Error.InvalidArguments')


def _uuid128(text):
    '''bt_string_to_uuid then bt_uuid_to_uuid128: 16- and 32-bit UUIDs on the Bluetooth Base UUID.'''
    text = str(text).lower()
    if text.startswith('0x'):
        text = text[2:]
    if len(text) in (4, 8) and all(c in '0123456789abcdef' for c in text):
        return text.rjust(8, '0') + BLUETOOTH_BASE_SUFFIX
    parts = text.split('-')
    if [len(p) for p in parts] == [8, 4, 4, 4, 12] and all(c in '0123456789abcdef' for p in parts for c in p):
        return text
    raise _invalid()


def parse_filter(options):
    '''src/adapter.c parse_discovery_filter_dict: None for an empty filter.'''
    if len(options) == 0:
        return None
    parsed = {'uuids': [], 'rssi': None, 'pathloss': None, 'transport': SCAN_TYPE_DUAL, 'duplicate': False,
              'discoverable': False, 'pattern': None}
    for key, value in options.items():
        if key == 'UUIDs' and isinstance(value, dbus.Array):
            parsed['uuids'] = [_uuid128(u) for u in value]
        elif key == 'RSSI' and isinstance(value, dbus.Int16) and -127 <= int(value) <= 20:
            parsed['rssi'] = int(value)
        elif key == 'Pathloss' and isinstance(value, dbus.UInt16) and int(value) <= PATHLOSS_MAX:
            parsed['pathloss'] = int(value)
        elif key == 'Transport' and isinstance(value, dbus.String) and str(value) in ('auto', 'bredr', 'le'):
            parsed['transport'] = {'auto': SCAN_TYPE_DUAL, 'bredr': SCAN_TYPE_BREDR, 'le': SCAN_TYPE_LE}[str(value)]
        elif key == 'DuplicateData' and isinstance(value, dbus.Boolean):
            parsed['duplicate'] = bool(value)
        elif key == 'Discoverable' and isinstance(value, dbus.Boolean):
            parsed['discoverable'] = bool(value)
        elif key == 'Pattern' and isinstance(value, dbus.String):
            parsed['pattern'] = str(value)
        else:
            raise _invalid()
    if parsed['rssi'] is not None and parsed['pathloss'] is not None:
        raise _invalid()
    return parsed


def _set_discovery_filter(adapter, options, sender):
    parsed = parse_filter(options)
    _watch(adapter, sender)
    if parsed is None:
        adapter.filters.pop(sender, None)
    else:
        adapter.filters[sender] = parsed
    if sender in adapter.discovery_list:
        report_all(adapter)


def _start_discovery(adapter, sender):
    if sender in adapter.discovery_list:
        raise dbus.exceptions.DBusException('Operation already in progress', name='org.bluez.Error.InProgress')
    _watch(adapter, sender)
    adapter.discovery_list.add(sender)
    _set_discovering(adapter)
    report_all(adapter)


def _stop_discovery(adapter, sender):
    if sender not in adapter.discovery_list:
        raise dbus.exceptions.DBusException('No discovery started', name='org.bluez.Error.Failed')
    adapter.discovery_list.discard(sender)
    _set_discovering(adapter)


def _sessions(adapter):
    return [adapter.filters.get(sender) for sender in adapter.discovery_list]


def _kernel_passes(sessions, service, rssi):
    '''merge_discovery_filters: what the kernel's service discovery lets through.'''
    if any(item is None for item in sessions):
        return True
    transport = 0
    threshold = -1000
    uuids = set()
    any_without_uuids = False
    for item in sessions:
        transport |= item['transport']
        if item['rssi'] is None:
            threshold = None
        elif threshold is not None:
            threshold = item['rssi'] if threshold == -1000 else min(threshold, item['rssi'])
        if not item['uuids']:
            any_without_uuids = True
        uuids.update(item['uuids'])
    if not transport & SCAN_TYPE_LE:
        return False
    if threshold not in (None, -1000) and rssi < threshold:
        return False
    return any_without_uuids or service in uuids


def _bluetoothd_matches(sessions, service):
    '''is_filter_match: one client's UUIDs match (proximity passes, no TX power is advertised).'''
    for item in sessions:
        if item is None or not item['uuids'] or service in item['uuids']:
            return True
    return False


def _discoverable(sessions, address, name):
    '''device_is_discoverable, filtered discovery: prefix patterns of address or name.'''
    discoverable = True
    for item in sessions:
        if item is None or item['pattern'] is None:
            continue
        discoverable = False
        pattern = item['pattern']
        if pattern == '' or address.startswith(pattern) or name.startswith(pattern):
            return True
    return discoverable


def report_all(adapter):
    '''One advertising report from every wand in range of the adapter that is advertising (not connected).'''
    sessions = _sessions(adapter)
    adapter_name = adapter.path.rsplit('/', 1)[-1]
    for address, record in HOST['wands'].items():
        if record['adapter'] != adapter_name or record['behaviour'].get('range', 'in') == 'out':
            continue
        device = mockobject.objects.get(record['path'])
        if device is not None and device.props[DEVICE_IFACE]['Connected']:
            continue
        if not _kernel_passes(sessions, record['service'], record['rssi']):
            continue
        if device is None:
            if not _discoverable(sessions, address, record['name']):
                continue
            HOST['create_device'](address, record)
            device = mockobject.objects[record['path']]
            device.temporary = True
            device.rssi_value = record['rssi']
        device.last_seen = now()
        if not _bluetoothd_matches(sessions, record['service']) or not _discoverable(sessions, address, record['name']):
            continue
        changes = {}
        if _rssi_changed(device, record['rssi'], filtered=bool(sessions) and all(item is not None for item in sessions)):
            changes['RSSI'] = dbus.Int16(record['rssi'])
        duplicate = any(item is not None and item['duplicate'] for item in sessions)
        if record['service_data'] and duplicate:
            changes['ServiceData'] = device.props[DEVICE_IFACE]['ServiceData']
        if changes:
            HOST['change'](device, DEVICE_IFACE, changes)


def _rssi_changed(device, rssi, filtered):
    '''src/device.c device_set_rssi_with_delta: a device whose RSSI is unknown (0: never seen, or discovery ended)
    reports any value; otherwise a change of RSSI_THRESHOLD (8 dBm) or more, or any report at all while the discovery
    is filtered (the threshold is 0 then, btd_adapter_update_found_device).'''
    old = getattr(device, 'rssi_value', 0)
    if old != 0 and abs(old - rssi) < (0 if filtered else RSSI_THRESHOLD):
        return False
    device.rssi_value = rssi
    return True


def _invalidate_rssi(adapter):
    '''src/adapter.c discovery_cleanup, invalidate_rssi_and_tx_power: when the last discovery session ends, every
    device's RSSI becomes unknown again.'''
    for obj in list(mockobject.objects.values()):
        if DEVICE_IFACE in getattr(obj, 'props', {}) and obj.path.startswith(adapter.path + '/'):
            obj.rssi_value = 0


def set_temporary(device, temporary):
    '''btd_device_set_temporary; the timer restarts from now when a device becomes temporary again.'''
    if temporary and not getattr(device, 'temporary', False):
        device.last_seen = now()
    device.temporary = temporary


def _expire():
    '''device_disappeared: temporary devices not seen for TemporaryTimeout seconds are removed.'''
    for record in list(HOST['wands'].values()):
        device = mockobject.objects.get(record['path'])
        if device is None or not getattr(device, 'temporary', False) or device.props[DEVICE_IFACE]['Connected']:
            continue
        if now() - device.last_seen >= TEMPORARY_TIMEOUT_SECONDS:
            remove_device(device)


def remove_device(device):
    '''btd_adapter_remove_device: the device and its GATT objects go, each announced with InterfacesRemoved.'''
    manager = mockobject.objects['/']
    children = sorted((p for p in mockobject.objects if p.startswith(device.path + '/')), key=len, reverse=True)
    for path in children + [device.path]:
        obj = mockobject.objects[path]
        interfaces = [i for i in obj.props if i.startswith('org.bluez.')]
        manager.RemoveObject(path)
        manager.EmitSignal(OBJECT_MANAGER_IFACE, 'InterfacesRemoved', 'oas', [dbus.ObjectPath(path), dbus.Array(interfaces, signature='s')])
