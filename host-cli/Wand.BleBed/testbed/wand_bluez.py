'''python3-dbusmock template for the wand BLE test bed: the stock bluez5 template plus the fixes the real BlueZ
behaviour needs (typed advertising properties, InterfacesAdded on AddObject, ServicesResolved on Connect), wands that appear through discovery, and GATT objects whose ReadValue,
WriteValue, StartNotify and StopNotify are bridged to a wand backend on the same bus. The bed holds no UUIDs and no
payload layouts: the GATT layout comes with AddWand (built from the protocol table by the caller) and every value
comes from the backend, so the real wand logic behind the backend answers.

Backend interface org.wandfirmware.TestBed.Backend (exported by the caller, one object per wand):
  Read(s uuid) -> (y att_error, ay value)
  Write(s uuid, ay value, q offset, b with_response) -> y att_error   the offset of WriteValue's options reaches the wand
  Subscribe(s uuid, b enable) -> y att_error    a CCCD write; 0x0F on a link without the needed security
  Pair() -> b accepted                        the wand's answer to Just Works pairing: true inside its pairing window
  LinkUp(b encrypted)                         a central connected, or pairing encrypted the link (BP-4)
  LinkDown()                                  the central disconnected or the link dropped (SR-11 on the wand side)
The backend pushes notifications with TestBed.Notify; they reach clients only while the characteristic is notifying.

Fixes over the stock template:
  1. Device1 ManufacturerData/ServiceData/AdvertisingFlags/AdvertisingData carry their real types (a{qv}, a{sv}, ay,
     a{yv}) instead of arrays of them.
  2. Connect and Disconnect store Connected and ServicesResolved, not only signal them.
  3. Dict-valued properties are changed through our own PropertiesChanged emission, never UpdateProperties.
  4. Every object added announces itself with InterfacesAdded; discovery (wand_discovery.py) creates devices for
     nearby wands as src/adapter.c does: per-client sessions and filters, temporary devices that expire.
  5. Pairing is decided by the wand (backend Pair), for Device1.Pair and for BlueZ's own pairing when a request is
     answered 0x05 or 0x0F on an unencrypted link (src/shared/att.c change_security), after which the request is sent
     again; see _secured. GATT methods answer asynchronously, so a request can wait for that.

Control interface org.wandfirmware.TestBed on "/":
  AddBedAdapter(s name)                       add an adapter whose discovery finds nearby wands
  AddWand(s adapter, s address, s name, a{sv} options) -> o
        options: service (s, the advertised service UUID), gatt (a(sqa(sqas)): services with start handle and
        characteristics with declaration handle and flags), backend ((so): bus name and object path),
        service-data (ay, advertised under the service UUID), known (b, default false: appears only through
        discovery), rssi (n)
  Notify(s address, s uuid, ay value)         a notification from the backend
  SetBehaviour(s address, s key, s value)     pairing=ask|refuse (ask: the wand decides); write-error=NAME|TEXT
                                              (next write); connect-error=NAME|TEXT (next connect); range=in|out (out:
                                              no advertising reports); security-retry=unlimited|once (BlueZ 5.66, or
                                              5.71 and later: one retry, then the error)
  SetClock(s mode), AdvanceClock(u seconds)   the discovery clock: real, or virtual moved only by AdvanceClock
  signal PairingAttempted(s address, b accepted)   each Just Works pairing the wand was asked for
  DropLink(s address)                         the wand goes out of range: Connected and ServicesResolved false

Peripheral role (a virtual wand registered with BlueZ as a GATT application, as on a laptop's adapter): adapters
added with AddBedAdapter also carry org.bluez.GattManager1 and org.bluez.LEAdvertisingManager1, which record what is
registered and read it back from the application as bluetoothd does (src/gatt-database.c, src/advertising.c). Remote
centrals are played through the control interface; their requests reach the application's objects with the options
bluetoothd passes, after the permission checks of src/shared/gatt-server.c:
  Applications() -> a(ssa{oa{sa{sv}}})        owner, root path and GetManagedObjects of each registered application
  Advertisements() -> a(sa{sv})               owner and LEAdvertisement1 properties of each registered advertisement
  CentralConnect(s adapter, s address) -> o   a central connects: a Device1 for it, Connected, not paired
  CentralPair(o device)                       Just Works pairing: the default agent's RequestAuthorization decides
  CentralDisconnect(o device)                 the central leaves: Connected false, its subscriptions end
  CentralRead(o device, s uuid, q offset) -> (y att_error, ay value)
  CentralWrite(o device, s uuid, ay value, q offset, b with_response) -> y att_error
  CentralSubscribe(o device, s uuid, b enable) -> y att_error      a CCCD write
  signal CentralNotified(o device, s uuid, ay value)               a notification that reached a subscribed central
'''

import os
import socket
import sys

import dbus
from gi.repository import GLib
from dbusmock import mockobject
import dbusmock.templates.bluez5 as bluez5
from dbusmock.templates.bluez5 import *  # noqa: F401,F403  (the template's own D-Bus methods)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wand_peripheral as peripheral  # noqa: E402
from wand_peripheral import *  # noqa: E402,F401,F403  (the peripheral role's control methods)
import wand_discovery as discovery  # noqa: E402
from wand_discovery import *  # noqa: E402,F401,F403  (the clock's control methods)


TESTBED_IFACE = 'org.wandfirmware.TestBed'
DEVICE_IFACE = 'org.bluez.Device1'
ADAPTER_IFACE = 'org.bluez.Adapter1'
SERVICE_IFACE = 'org.bluez.GattService1'
CHARACTERISTIC_IFACE = 'org.bluez.GattCharacteristic1'
OBJECT_MANAGER_IFACE = 'org.freedesktop.DBus.ObjectManager'

BACKEND_IFACE = 'org.wandfirmware.TestBed.Backend'

# The ATT MTU the bed reports (GattCharacteristic1.MTU, AcquireNotify, AcquireWrite): 247 bytes, the largest an LE
# Data Length Extension PDU carries (251 bytes of L2CAP payload less its 4-byte header), which BlueZ and ESP32 peers
# commonly settle on.
ATT_MTU = 247

# address -> record: {'adapter', 'name', 'service', 'gatt', 'backend', 'service_data', 'rssi', 'behaviour', 'path'}
WANDS = {}


def load(mock, parameters):
    mockobject.objects[mock.path] = mock
    bluez5.load(mock, parameters)
    peripheral.load(mock)
    discovery.configure(WANDS, _create_device, _change)


def _manager():
    return mockobject.objects['/']


def _announce(path, interface, properties):
    _manager().EmitSignal(OBJECT_MANAGER_IFACE, 'InterfacesAdded', 'oa{sa{sv}}',
                          [dbus.ObjectPath(path), {interface: properties}])


def _change(obj, interface, changes):
    '''Stores and signals property changes (works for dict values, unlike UpdateProperties).'''
    for key, value in changes.items():
        obj.props[interface][key] = value
    obj.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as',
                   [interface, dbus.Dictionary(changes, signature='sv'), dbus.Array([], signature='s')])


def _bytes(data):
    return dbus.Array([dbus.Byte(b) for b in data], signature='y')


def _raise(spec):
    name, _, text = spec.partition('|')
    raise dbus.exceptions.DBusException(text, name=name)


def _record_of(obj):
    return WANDS[obj.wand_address]


@dbus.service.method(TESTBED_IFACE, in_signature='s', out_signature='s')
def AddBedAdapter(self, name):
    path = self.AddAdapter(name, 'wand-testbed')
    adapter = mockobject.objects[path]
    adapter.AddMethods(ADAPTER_IFACE, [
        ('RemoveDevice', 'o', '', _remove_device),
    ])
    discovery.attach(adapter)
    peripheral.attach(adapter)
    return path


@dbus.service.method(TESTBED_IFACE, in_signature='sssa{sv}', out_signature='o')
def AddWand(self, adapter, address, name, options):
    record = {
        'adapter': adapter,
        'name': str(name),
        'service': str(options['service']).lower(),
        'gatt': options.get('gatt', []),
        'backend': (str(options['backend'][0]), str(options['backend'][1])),
        'service_data': bytes(options.get('service-data', b'')),
        'rssi': int(options.get('rssi', -58)),
        'behaviour': {},
        'path': '/org/bluez/' + adapter + '/dev_' + address.upper().replace(':', '_'),
    }
    WANDS[address.upper()] = record
    if bool(options.get('known', False)):
        _create_device(address.upper(), record)
    return dbus.ObjectPath(record['path'])


@dbus.service.method(TESTBED_IFACE, in_signature='sss', out_signature='')
def SetBehaviour(self, address, key, value):
    WANDS[address.upper()]['behaviour'][str(key)] = str(value)


@dbus.service.method(TESTBED_IFACE, in_signature='ssay', out_signature='')
def Notify(self, address, uuid, value):
    record = WANDS[address.upper()]
    for path, obj in list(mockobject.objects.items()):
        if path.startswith(record['path'] + '/') and getattr(obj, 'uuid', None) == str(uuid).lower():
            if obj.notify_io is not None:
                try:
                    obj.notify_io.send(bytes(value))
                except OSError:
                    pass
            if obj.props[CHARACTERISTIC_IFACE]['Notifying']:
                _change(obj, CHARACTERISTIC_IFACE, {'Value': _bytes(bytes(value))})


@dbus.service.method(TESTBED_IFACE, in_signature='s', out_signature='')
def DropLink(self, address):
    device = mockobject.objects[WANDS[address.upper()]['path']]
    _link_down(device)


def _remove_device(adapter, path):
    '''Adapter1.RemoveDevice (src/adapter.c remove_device): DoesNotExist for an unknown device.'''
    device = mockobject.objects.get(str(path))
    if device is None or DEVICE_IFACE not in device.props:
        raise dbus.exceptions.DBusException('Does Not Exist', name='org.bluez.Error.DoesNotExist')
    discovery.remove_device(device)


def _create_device(address, record):
    adapter_path = '/org/bluez/' + record['adapter']
    service_data = dbus.Dictionary({record['service']: _bytes(record['service_data'])} if record['service_data'] else {}, signature='sv')
    properties = {
        'Address': dbus.String(address),
        'AddressType': dbus.String('random'),
        'Name': dbus.String(record['name']),
        'Alias': dbus.String(record['name']),
        'Class': dbus.UInt32(0),
        'Appearance': dbus.UInt16(0),
        'UUIDs': dbus.Array([record['service']], signature='s'),
        'Paired': dbus.Boolean(False),
        'Bonded': dbus.Boolean(False),
        'Connected': dbus.Boolean(False),
        'Trusted': dbus.Boolean(False),
        'Blocked': dbus.Boolean(False),
        'LegacyPairing': dbus.Boolean(False),
        'Adapter': dbus.ObjectPath(adapter_path),
        'RSSI': dbus.Int16(record['rssi']),
        'ManufacturerData': dbus.Dictionary({}, signature='qv'),
        'ServiceData': service_data,
        'ServicesResolved': dbus.Boolean(False),
        'AdvertisingFlags': dbus.Array([dbus.Byte(6)], signature='y'),
        'AdvertisingData': dbus.Dictionary({}, signature='yv'),
    }
    _manager().AddObject(record['path'], DEVICE_IFACE, properties, [
        ('Connect', '', '', _connect),
        ('Disconnect', '', '', _disconnect),
        ('Pair', '', '', _pair),
        ('CancelPairing', '', '', ''),
        ('ConnectProfile', 's', '', ''),
        ('DisconnectProfile', 's', '', ''),
    ])
    device = mockobject.objects[record['path']]
    device.wand_address = address
    device.gatt_created = False
    device.temporary = False
    device.last_seen = discovery.now()
    _announce(record['path'], DEVICE_IFACE, properties)


def _connect(device):
    record = _record_of(device)
    error = record['behaviour'].pop('connect-error', None)
    if error:
        _raise(error)
    if device.props[DEVICE_IFACE]['Connected']:
        raise dbus.exceptions.DBusException('Already Connected', name='org.bluez.Error.AlreadyConnected')
    discovery.set_temporary(device, False)
    _change(device, DEVICE_IFACE, {'Connected': dbus.Boolean(True)})
    if not device.gatt_created:
        _create_gatt(device, record)
    _backend(device, 'LinkUp', 'b', [bool(device.props[DEVICE_IFACE]['Paired'])])
    _change(device, DEVICE_IFACE, {'ServicesResolved': dbus.Boolean(True)})


def _disconnect(device):
    '''Device1.Disconnect as BlueZ 5.66 src/device.c device_remove_connection orders it: ServicesResolved becomes
    false (device_set_svc_refreshed), then the Disconnect reply is sent, then Connected becomes false. A client that
    closes its bus on Connected=false (bleak) has its reply by then.'''
    if not device.props[DEVICE_IFACE]['Connected']:
        raise dbus.exceptions.DBusException('Not Connected', name='org.bluez.Error.NotConnected')
    _end_notify_sessions(device)
    _change(device, DEVICE_IFACE, {'ServicesResolved': dbus.Boolean(False)})
    GLib.idle_add(_link_down, device)


def _end_notify_sessions(device):
    for path, obj in list(mockobject.objects.items()):
        if not path.startswith(device.path + '/') or CHARACTERISTIC_IFACE not in obj.props:
            continue
        _release_notify_io(obj, tell_backend=False)
        for watch in obj.notify_watches.values():
            watch.cancel()
        obj.notify_watches.clear()
        if obj.props[CHARACTERISTIC_IFACE]['Notifying']:
            obj.notify_clients.clear()
            _change(obj, CHARACTERISTIC_IFACE, {'Notifying': dbus.Boolean(False)})


def _link_down(device):
    '''The link is gone (Disconnect done, or out of range): Connected becomes false and the wand sees the link drop.'''
    if not device.props[DEVICE_IFACE]['Connected']:
        return False
    _end_notify_sessions(device)
    _change(device, DEVICE_IFACE, {'ServicesResolved': dbus.Boolean(False), 'Connected': dbus.Boolean(False)})
    _backend(device, 'LinkDown', '', [])
    return False


def _pair(device):
    '''Device1.Pair (src/device.c pair_device): the device stops being temporary, Just Works pairing runs, and a
    refusal by the wand (its pairing window is closed) reaches the caller as the kernel reports it: the peer's
    Pairing Failed is MGMT_STATUS_AUTH_FAILED, which new_authentication_return turns into AuthenticationFailed.'''
    if device.props[DEVICE_IFACE]['Paired']:
        raise dbus.exceptions.DBusException('Already Exists', name='org.bluez.Error.AlreadyExists')
    discovery.set_temporary(device, False)
    if not _smp_pair(device):
        raise dbus.exceptions.DBusException('Authentication Failed', name='org.bluez.Error.AuthenticationFailed')


def _smp_pair(device):
    '''Just Works pairing with the wand (the kernel's SMP, started by Pair or by a raised security level). The wand
    accepts only inside its pairing window (backend Pair; SetBehaviour pairing=refuse refuses regardless). On
    success the device is paired and bonded and the wand's link is encrypted; on failure an unpaired, untrusted
    device becomes temporary again (src/device.c device_bonding_complete). Signals TestBed.PairingAttempted.'''
    record = _record_of(device)
    accepted = record['behaviour'].get('pairing', 'ask') != 'refuse' and bool(_backend(device, 'Pair', '', []))
    _manager().EmitSignal(TESTBED_IFACE, 'PairingAttempted', 'sb', [device.wand_address, accepted])
    if not accepted:
        if not device.props[DEVICE_IFACE]['Trusted']:
            discovery.set_temporary(device, True)
        return False
    _change(device, DEVICE_IFACE, {'Paired': dbus.Boolean(True), 'Bonded': dbus.Boolean(True)})
    if device.props[DEVICE_IFACE]['Connected']:
        _backend(device, 'LinkUp', 'b', [True])
    return True


def _create_gatt(device, record):
    for service_uuid, service_handle, characteristics in record['gatt']:
        service_uuid = str(service_uuid).lower()
        service_path = f'{device.path}/service{service_handle:04x}'
        service_props = {
            'UUID': dbus.String(service_uuid),
            'Device': dbus.ObjectPath(device.path),
            'Primary': dbus.Boolean(True),
            'Includes': dbus.Array([], signature='o'),
        }
        _manager().AddObject(service_path, SERVICE_IFACE, service_props, [])
        _announce(service_path, SERVICE_IFACE, service_props)
        for uuid, handle, flags in characteristics:
            uuid = str(uuid).lower()
            path = f'{service_path}/char{handle:04x}'
            props = {
                'UUID': dbus.String(uuid),
                'Service': dbus.ObjectPath(service_path),
                'Value': dbus.Array([], signature='y'),
                'Notifying': dbus.Boolean(False),
                'Flags': dbus.Array([str(f) for f in flags], signature='s'),
                'MTU': dbus.UInt16(ATT_MTU),
            }
            if 'notify' in flags:
                props['NotifyAcquired'] = dbus.Boolean(False)
            if 'write-without-response' in flags:
                props['WriteAcquired'] = dbus.Boolean(False)
            _manager().AddObject(path, CHARACTERISTIC_IFACE, props, [
                ('StopNotify', '', '', ''),
                ('AcquireWrite', 'a{sv}', 'hq', _acquire_write),
            ])
            characteristic = mockobject.objects[path]
            characteristic.wand_address = device.wand_address
            characteristic.uuid = uuid
            characteristic.notify_clients = set()
            characteristic.notify_watches = {}
            characteristic.notify_io = None
            for name, in_signature, out_signature, implementation in (
                    ('ReadValue', 'a{sv}', 'ay', _read_value),
                    ('WriteValue', 'aya{sv}', '', _write_value),
                    ('StartNotify', '', '', _start_notify),
                    ('StopNotify', '', '', _stop_notify),
                    ('AcquireNotify', 'a{sv}', 'hq', _acquire_notify)):
                characteristic.methods[CHARACTERISTIC_IFACE][name] = (in_signature, out_signature, None, _client_method(name, in_signature, out_signature, implementation))
            _announce(path, CHARACTERISTIC_IFACE, props)
    device.gatt_created = True


def _require_connected(characteristic):
    if not _device_of(characteristic).props[DEVICE_IFACE]['Connected']:
        raise dbus.exceptions.DBusException('Not connected', name='org.bluez.Error.NotConnected')


def _device_of(characteristic):
    return mockobject.objects[_record_of(characteristic)['path']]


def _att_error(code):
    '''The D-Bus error real BlueZ 5.66 sends for an ATT error (src/gatt-client.c create_gatt_dbus_error).'''
    simple = {
        0x00: ('org.bluez.Error.Failed', 'Operation failed'),
        0x02: ('org.bluez.Error.NotPermitted', 'Read not permitted'),
        0x03: ('org.bluez.Error.NotPermitted', 'Write not permitted'),
        0x05: ('org.bluez.Error.NotPermitted', 'Not paired'),
        0x0C: ('org.bluez.Error.NotPermitted', 'Not paired'),
        0x0F: ('org.bluez.Error.NotPermitted', 'Not paired'),
        0x06: ('org.bluez.Error.NotSupported', 'Operation is not supported'),
        0x07: ('org.bluez.Error.InvalidArguments', 'Invalid offset'),
        0x08: ('org.bluez.Error.NotAuthorized', 'Operation Not Authorized'),
        0x0D: ('org.bluez.Error.InvalidArguments', 'Invalid Length'),
    }
    name, text = simple.get(code, ('org.bluez.Error.Failed', f'Operation failed with ATT error: 0x{code:02x}'))
    return dbus.exceptions.DBusException(text, name=name)


def _backend(characteristic, method, signature, arguments):
    '''Calls the wand backend; a backend that does not answer is a link failure, as on real hardware.'''
    bus_name, path = _record_of(characteristic)['backend']
    try:
        return dbus.SystemBus().call_blocking(bus_name, path, BACKEND_IFACE, method, signature, arguments, timeout=5)
    except dbus.exceptions.DBusException as error:
        raise dbus.exceptions.DBusException(f'Operation failed: backend: {error.get_dbus_message()}', name='org.bluez.Error.Failed') from error


# src/shared/att.c change_security: the ATT errors on which BlueZ raises the link's security (to MEDIUM: an encrypted,
# Just Works link) and sends the request again instead of answering the client.
SECURITY_ERRORS = (0x05, 0x0F)
# How soon a request whose pairing failed is tried again (and pairing with it). BlueZ 5.66 has no retry limit
# (handle_error_rsp requeues the request after every such error; the limit of one retry came with commit 7ff68ce57,
# "shared/att: Don't keep retrying the same operation", in BlueZ 5.71); bluez/bluez#21 shows 5.54 looping about every
# 1.2 s. The bed's figure is of the same order; tests wait on TestBed.PairingAttempted, never on this interval.
SECURITY_RETRY_MILLISECONDS = 1000


def _secured(characteristic, request, reply, error):
    '''Runs a request as BlueZ's ATT layer does (src/shared/att.c handle_error_rsp): when the wand answers 0x05 or
    0x0F and the link is not encrypted, BlueZ pairs (Just Works) and sends the request again, so the client sees only
    the retried request's answer. If the wand refuses the pairing, BlueZ 5.66 keeps the request and tries again
    (pairing each time) until the wand accepts or the link drops (then Failed "Operation failed": disc_att_send_op
    completes it with no ATT code); SetBehaviour security-retry=once plays BlueZ 5.71 and later, where the second
    answer reaches the client (NotPermitted "Not paired").
    request() returns (att_error, reply arguments) or raises the D-Bus error to send.'''
    device = _device_of(characteristic)

    def attempt():
        if not device.props[DEVICE_IFACE]['Connected']:
            error(_att_error(0))
            return False
        try:
            code, result = request()
            if code in SECURITY_ERRORS and not device.props[DEVICE_IFACE]['Paired']:
                if _smp_pair(device):
                    code, result = request()
                elif _record_of(characteristic)['behaviour'].get('security-retry', 'unlimited') == 'unlimited':
                    GLib.timeout_add(SECURITY_RETRY_MILLISECONDS, attempt)
                    return False
        except dbus.exceptions.DBusException as failure:
            error(failure)
            return False
        if code:
            error(_att_error(int(code)))
        else:
            reply(*result)
        return False

    attempt()


def _client_method(name, in_signature, out_signature, implementation):
    '''A D-Bus method that receives the caller's unique name and answers when the request completes (dbusmock's
    own methods do neither); implementation(characteristic, *arguments, sender, reply, error).'''
    def record(self, arguments):
        self.log(f'{name} {arguments}')
        self.call_log.append((0, name, list(arguments)))

    if in_signature == 'a{sv}':
        def method(self, options, sender=None, reply=None, error=None):
            record(self, [options])
            implementation(self, options, str(sender), reply, error)
    elif in_signature == 'aya{sv}':
        def method(self, value, options, sender=None, reply=None, error=None):
            record(self, [value, options])
            implementation(self, value, options, str(sender), reply, error)
    else:
        def method(self, sender=None, reply=None, error=None):
            record(self, [])
            implementation(self, str(sender), reply, error)
    wrapped = dbus.service.method(CHARACTERISTIC_IFACE, in_signature=in_signature, out_signature=out_signature,
                                  sender_keyword='sender', async_callbacks=('reply', 'error'))(method)
    wrapped.__name__ = name
    return wrapped


def _read_value(characteristic, options, sender, reply, error):
    _require_connected(characteristic)
    offset = int(options.get('offset', 0))

    def request():
        code, value = _backend(characteristic, 'Read', 's', [characteristic.uuid])
        if code:
            return int(code), ()
        value = bytes(value)
        if offset > len(value):
            return 0x07, ()
        _change(characteristic, CHARACTERISTIC_IFACE, {'Value': _bytes(value)})
        return 0, (_bytes(value[offset:]),)
    _secured(characteristic, request, reply, error)


def _write_value(characteristic, value, options, sender, reply, error):
    _require_connected(characteristic)
    failure = _record_of(characteristic)['behaviour'].pop('write-error', None)
    if failure:
        _raise(failure)
    flags = characteristic.props[CHARACTERISTIC_IFACE]['Flags']
    kind = str(options.get('type', 'request' if 'write' in flags else 'command'))
    if (kind == 'request' and 'write' not in flags) or (kind == 'command' and 'write-without-response' not in flags and 'write' not in flags):
        raise _att_error(0x03)
    # src/gatt-client.c characteristic_write_value passes the "offset" option on (a long write when it is not 0).
    offset = int(options.get('offset', 0))
    if kind != 'request':
        # A write command has no answer: no error reaches BlueZ, so no security retry either.
        _backend(characteristic, 'Write', 'sayqb', [characteristic.uuid, _bytes(bytes(value)), dbus.UInt16(offset), False])
        reply()
        return

    def request():
        return int(_backend(characteristic, 'Write', 'sayqb', [characteristic.uuid, _bytes(bytes(value)), dbus.UInt16(offset), True])), ()
    _secured(characteristic, request, reply, error)


def _watch_client(characteristic, sender):
    '''src/gatt-client.c notify_client_disconnect: a client that leaves the bus loses its notify session.'''
    if sender in characteristic.notify_watches:
        return

    def owner_changed(owner):
        if not owner and sender in characteristic.notify_clients:
            _end_session(characteristic, sender)
    characteristic.notify_watches[sender] = dbus.SystemBus().watch_name_owner(sender, owner_changed)


def _end_session(characteristic, sender):
    characteristic.notify_clients.discard(sender)
    watch = characteristic.notify_watches.pop(sender, None)
    if watch is not None:
        watch.cancel()
    if not characteristic.notify_clients and characteristic.props[CHARACTERISTIC_IFACE]['Notifying']:
        if _device_of(characteristic).props[DEVICE_IFACE]['Connected']:
            _backend(characteristic, 'Subscribe', 'sb', [characteristic.uuid, False])
        _change(characteristic, CHARACTERISTIC_IFACE, {'Notifying': dbus.Boolean(False)})


def _start_notify(characteristic, sender, reply, error):
    '''GattCharacteristic1.StartNotify as BlueZ 5.66 src/gatt-client.c characteristic_start_notify: one notify session
    per D-Bus client; a second StartNotify from the same client succeeds; refused while a socket from AcquireNotify is
    open; the CCCD is written (and the wand told) only for the first session, with the same security retry as any
    request, and Notifying stays true while any session remains.'''
    _require_connected(characteristic)
    if 'notify' not in characteristic.props[CHARACTERISTIC_IFACE]['Flags']:
        raise dbus.exceptions.DBusException('Operation is not supported', name='org.bluez.Error.NotSupported')
    if characteristic.notify_io is not None:
        raise dbus.exceptions.DBusException('Notify acquired', name='org.bluez.Error.NotPermitted')
    if sender in characteristic.notify_clients:
        reply()
        return
    if characteristic.notify_clients:
        characteristic.notify_clients.add(sender)
        _watch_client(characteristic, sender)
        reply()
        return

    def request():
        code = int(_backend(characteristic, 'Subscribe', 'sb', [characteristic.uuid, True]))
        if code == 0:
            characteristic.notify_clients.add(sender)
            _watch_client(characteristic, sender)
            if not characteristic.props[CHARACTERISTIC_IFACE]['Notifying']:
                _change(characteristic, CHARACTERISTIC_IFACE, {'Notifying': dbus.Boolean(True)})
        return code, ()
    _secured(characteristic, request, reply, error)


def _stop_notify(characteristic, sender, reply, error):
    '''GattCharacteristic1.StopNotify as characteristic_stop_notify: only the client that started a session can stop
    it ("No notify session started" otherwise); the last one out unsubscribes.'''
    if sender not in characteristic.notify_clients:
        raise dbus.exceptions.DBusException('No notify session started', name='org.bluez.Error.Failed')
    _end_session(characteristic, sender)
    reply()


def _acquire_notify(characteristic, options, sender, reply, error):
    '''GattCharacteristic1.AcquireNotify as BlueZ 5.66 src/gatt-client.c characteristic_acquire_notify: notifications
    through a socket instead of PropertiesChanged, with the link's MTU in the reply (bleak reads its mtu_size this way).
    Refused while another notify session or acquired socket exists; the CCCD is written as for StartNotify, so the same
    security (and security retry) applies. Closing the socket ends the subscription (sock_io_destroy).'''
    _require_connected(characteristic)
    if 'notify' not in characteristic.props[CHARACTERISTIC_IFACE]['Flags']:
        raise dbus.exceptions.DBusException('Operation is not supported', name='org.bluez.Error.NotSupported')
    if characteristic.notify_io is not None:
        raise dbus.exceptions.DBusException('Notify acquired', name='org.bluez.Error.NotPermitted')
    if characteristic.notify_clients:
        raise dbus.exceptions.DBusException('In Progress', name='org.bluez.Error.InProgress')

    def request():
        code = int(_backend(characteristic, 'Subscribe', 'sb', [characteristic.uuid, True]))
        if code:
            return code, ()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        ours.setblocking(False)
        characteristic.notify_io = ours
        GLib.io_add_watch(ours.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_HUP | GLib.IO_ERR, lambda *_: _release_notify_io(characteristic, tell_backend=True))
        _change(characteristic, CHARACTERISTIC_IFACE, {'NotifyAcquired': dbus.Boolean(True)})
        handle = dbus.types.UnixFd(theirs)
        theirs.close()
        return 0, (handle, dbus.UInt16(ATT_MTU))
    _secured(characteristic, request, reply, error)


def _release_notify_io(characteristic, tell_backend):
    '''The client closed its AcquireNotify socket, or the link went: the subscription ends.'''
    io = characteristic.notify_io
    if io is None:
        return False
    characteristic.notify_io = None
    io.close()
    _change(characteristic, CHARACTERISTIC_IFACE, {'NotifyAcquired': dbus.Boolean(False)})
    if tell_backend and not characteristic.notify_clients:
        try:
            _backend(characteristic, 'Subscribe', 'sb', [characteristic.uuid, False])
        except dbus.exceptions.DBusException:
            pass
    return False


def _acquire_write(characteristic, options):
    '''GattCharacteristic1.AcquireWrite as characteristic_acquire_write: only for characteristics with
    write-without-response (NotSupported otherwise, so a client learns the MTU through AcquireNotify); each datagram
    on the socket is one write command.'''
    _require_connected(characteristic)
    if 'write-without-response' not in characteristic.props[CHARACTERISTIC_IFACE]['Flags']:
        raise dbus.exceptions.DBusException('Operation is not supported', name='org.bluez.Error.NotSupported')
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    ours.setblocking(False)

    def on_data(*_):
        try:
            data = ours.recv(ATT_MTU)
        except OSError:
            data = b''
        if not data:
            ours.close()
            _change(characteristic, CHARACTERISTIC_IFACE, {'WriteAcquired': dbus.Boolean(False)})
            return False
        _backend(characteristic, 'Write', 'sayqb', [characteristic.uuid, _bytes(data), dbus.UInt16(0), False])
        return True
    GLib.io_add_watch(ours.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, on_data)
    _change(characteristic, CHARACTERISTIC_IFACE, {'WriteAcquired': dbus.Boolean(True)})
    handle = dbus.types.UnixFd(theirs)
    theirs.close()
    return handle, dbus.UInt16(ATT_MTU)
