'''The peripheral half of the wand BLE test bed: org.bluez.GattManager1 and org.bluez.LEAdvertisingManager1 on the
bed's adapters, and remote centrals played through org.wandfirmware.TestBed (documented in wand_bluez.py).

What it follows in BlueZ 5.66 (https://github.com/bluez/bluez/tree/5.66):
  - doc/gatt-api.txt and doc/advertising-api.txt for the interfaces and the options passed to the application
    (ReadValue: offset, mtu, device, link; WriteValue: offset, type, mtu, device, link).
  - src/gatt-database.c: RegisterApplication reads the tree with GetManagedObjects before replying
    (client_ready_cb); characteristic Flags become ATT properties and permissions (parse_chrc_flags): encrypt-read,
    encrypt-write, encrypt-notify ask for an encrypted link; a CCCD is added for notify characteristics
    (database_add_ccc); StartNotify on the first enabled CCCD, StopNotify when none is left (ccc_write_cb via
    gatt_ccc_write_cb); application errors become ATT codes in dbus_error_to_att_ecode; notifications are the
    application's PropertiesChanged of Value (property_changed_cb), sent to centrals whose CCCD is enabled.
  - src/shared/gatt-server.c check_permissions: a permission needing encryption on an unencrypted link answers
    0x0F (Insufficient Encryption) without calling the application.
  - src/advertising.c: RegisterAdvertisement reads the LEAdvertisement1 properties (GetAll) before replying.
  - doc/agent-api.txt: Just Works pairing asks the default agent with RequestAuthorization.
'''

import dbus
from dbusmock import mockobject


TESTBED_IFACE = 'org.wandfirmware.TestBed'
DEVICE_IFACE = 'org.bluez.Device1'
GATT_MANAGER_IFACE = 'org.bluez.GattManager1'
ADVERTISING_MANAGER_IFACE = 'org.bluez.LEAdvertisingManager1'
AGENT_MANAGER_IFACE = 'org.bluez.AgentManager1'
AGENT_IFACE = 'org.bluez.Agent1'
SERVICE_IFACE = 'org.bluez.GattService1'
CHARACTERISTIC_IFACE = 'org.bluez.GattCharacteristic1'
DESCRIPTOR_IFACE = 'org.bluez.GattDescriptor1'
ADVERTISEMENT_IFACE = 'org.bluez.LEAdvertisement1'
PROPERTIES_IFACE = 'org.freedesktop.DBus.Properties'
OBJECT_MANAGER_IFACE = 'org.freedesktop.DBus.ObjectManager'

__all__ = ['Applications', 'Advertisements', 'CentralConnect', 'CentralPair', 'CentralDisconnect', 'CentralRead',
           'CentralWrite', 'CentralSubscribe']

# (owner, root path) -> {'adapter', 'objects': GetManagedObjects reply}
APPLICATIONS = {}
# (owner, path) -> {'adapter', 'properties'}
ADVERTISEMENTS = {}
# device path -> set of characteristic object paths whose CCCD the central enabled
SUBSCRIPTIONS = {}
# agent path -> owner
AGENT_OWNERS = {}

ATT_INSUFFICIENT_ENCRYPTION = 0x0F
ATT_READ_NOT_PERMITTED = 0x02
ATT_WRITE_NOT_PERMITTED = 0x03
ATT_REQUEST_NOT_SUPPORTED = 0x06
ATT_INVALID_OFFSET = 0x07
ATT_AUTHORIZATION = 0x08
ATT_INVALID_VALUE_LENGTH = 0x0D
ATT_UNLIKELY = 0x0E
ATT_ALREADY_IN_PROGRESS = 0xFE   # BT_ERROR_ALREADY_IN_PROGRESS, src/shared/att-types.h


def _bus():
    return dbus.SystemBus()


def _manager():
    return mockobject.objects['/']


def _sender_method(interface, name, in_signature, out_signature, implementation):
    '''A D-Bus method that also receives the caller's unique name (dbusmock's own methods do not). dbus-python counts
    the named parameters against the signature, so each arity has its own shape.'''
    def call(self, sender, arguments):
        self.log(f'{name} from {sender}')
        self.call_log.append((0, name, list(arguments)))
        return implementation(self, str(sender), *arguments)

    arity = len(list(dbus.Signature(in_signature)))
    if arity == 1:
        def method(self, first, sender=None):
            return call(self, sender, [first])
    elif arity == 2:
        def method(self, first, second, sender=None):
            return call(self, sender, [first, second])
    else:
        raise ValueError(f'{name}: {arity} arguments')
    wrapped = dbus.service.method(interface, in_signature=in_signature, out_signature=out_signature,
                                  sender_keyword='sender')(method)
    wrapped.__name__ = name
    return wrapped


def _install(obj, interface, name, in_signature, out_signature, implementation):
    obj.methods.setdefault(interface, {})[name] = (
        in_signature, out_signature, None, _sender_method(interface, name, in_signature, out_signature, implementation))


def load(mock):
    '''Records which connection registers each agent, so a pairing can ask it (AgentManager1 of the bluez5 template
    keeps only paths).'''
    agent_manager = mockobject.objects['/org/bluez']
    original = agent_manager.methods[AGENT_MANAGER_IFACE]['RegisterAgent'][2]  # the template's implementation

    def register_agent(manager, sender, agent_path, capability):
        original(manager, agent_path, capability)
        AGENT_OWNERS[str(agent_path)] = sender
    _install(agent_manager, AGENT_MANAGER_IFACE, 'RegisterAgent', 'os', '', register_agent)
    _bus().add_signal_receiver(_properties_changed, signal_name='PropertiesChanged', dbus_interface=PROPERTIES_IFACE,
                               sender_keyword='sender', path_keyword='path')


def attach(adapter):
    '''Adds GattManager1 and LEAdvertisingManager1 to an adapter of the bed.'''
    adapter.props.setdefault(ADVERTISING_MANAGER_IFACE, {}).update({
        'ActiveInstances': dbus.Byte(0),
        'SupportedInstances': dbus.Byte(5),
        'SupportedIncludes': dbus.Array(['tx-power', 'appearance', 'local-name'], signature='s'),
    })
    adapter.props.setdefault(GATT_MANAGER_IFACE, {})
    _install(adapter, GATT_MANAGER_IFACE, 'RegisterApplication', 'oa{sv}', '', _register_application)
    _install(adapter, GATT_MANAGER_IFACE, 'UnregisterApplication', 'o', '', _unregister_application)
    _install(adapter, ADVERTISING_MANAGER_IFACE, 'RegisterAdvertisement', 'oa{sv}', '', _register_advertisement)
    _install(adapter, ADVERTISING_MANAGER_IFACE, 'UnregisterAdvertisement', 'o', '', _unregister_advertisement)


def _adapter_name(adapter):
    return adapter.path.rsplit('/', 1)[-1]


def _register_application(adapter, sender, path, options):
    key = (sender, str(path))
    if key in APPLICATIONS:
        raise dbus.exceptions.DBusException('Already Exists', name='org.bluez.Error.AlreadyExists')
    try:
        objects = _bus().call_blocking(sender, str(path), OBJECT_MANAGER_IFACE, 'GetManagedObjects', '', [], timeout=10)
    except dbus.exceptions.DBusException as error:
        raise dbus.exceptions.DBusException(f'Failed to read the application: {error.get_dbus_message()}',
                                            name='org.bluez.Error.Failed') from error
    _check_application(objects)
    APPLICATIONS[key] = {'adapter': _adapter_name(adapter), 'objects': objects}


def _check_application(objects):
    '''What gatt-database.c refuses (create_service, parse_chrc_flags): a service or characteristic without UUID,
    a characteristic without Flags or pointing at no registered service, the GAP and GATT services.'''
    services = [p for p, interfaces in objects.items() if SERVICE_IFACE in interfaces]
    if not services:
        raise dbus.exceptions.DBusException('No object received', name='org.bluez.Error.Failed')
    for path, interfaces in objects.items():
        if SERVICE_IFACE in interfaces:
            uuid = str(interfaces[SERVICE_IFACE].get('UUID', ''))
            if not uuid or uuid.lower().startswith(('00001800-', '00001801-')):
                raise dbus.exceptions.DBusException(f'Invalid service {path}', name='org.bluez.Error.InvalidArguments')
        if CHARACTERISTIC_IFACE in interfaces:
            properties = interfaces[CHARACTERISTIC_IFACE]
            if not properties.get('UUID') or not properties.get('Flags') or properties.get('Service') not in services:
                raise dbus.exceptions.DBusException(f'Invalid characteristic {path}', name='org.bluez.Error.InvalidArguments')


def _unregister_application(adapter, sender, path):
    if APPLICATIONS.pop((sender, str(path)), None) is None:
        raise dbus.exceptions.DBusException('Does Not Exist', name='org.bluez.Error.DoesNotExist')


def _register_advertisement(adapter, sender, path, options):
    key = (sender, str(path))
    if key in ADVERTISEMENTS:
        raise dbus.exceptions.DBusException('Already Exists', name='org.bluez.Error.AlreadyExists')
    try:
        properties = _bus().call_blocking(sender, str(path), PROPERTIES_IFACE, 'GetAll', 's', [ADVERTISEMENT_IFACE], timeout=10)
    except dbus.exceptions.DBusException as error:
        raise dbus.exceptions.DBusException(f'Failed to read the advertisement: {error.get_dbus_message()}',
                                            name='org.bluez.Error.Failed') from error
    if str(properties.get('Type', '')) not in ('broadcast', 'peripheral'):
        raise dbus.exceptions.DBusException('Failed to parse advertisement.', name='org.bluez.Error.InvalidArguments')
    ADVERTISEMENTS[key] = {'adapter': _adapter_name(adapter), 'properties': properties}
    adapter.props[ADVERTISING_MANAGER_IFACE]['ActiveInstances'] = dbus.Byte(len(ADVERTISEMENTS))


def _unregister_advertisement(adapter, sender, path):
    if ADVERTISEMENTS.pop((sender, str(path)), None) is None:
        raise dbus.exceptions.DBusException('Does Not Exist', name='org.bluez.Error.DoesNotExist')
    adapter.props[ADVERTISING_MANAGER_IFACE]['ActiveInstances'] = dbus.Byte(len(ADVERTISEMENTS))


@dbus.service.method(TESTBED_IFACE, in_signature='', out_signature='a(ssa{oa{sa{sv}}})')
def Applications(self):
    return dbus.Array([dbus.Struct((owner, path, record['objects'])) for (owner, path), record in APPLICATIONS.items()],
                      signature='(ssa{oa{sa{sv}}})')


@dbus.service.method(TESTBED_IFACE, in_signature='', out_signature='a(sa{sv})')
def Advertisements(self):
    return dbus.Array([dbus.Struct((owner, record['properties'])) for (owner, _), record in ADVERTISEMENTS.items()],
                      signature='(sa{sv})')


@dbus.service.method(TESTBED_IFACE, in_signature='ss', out_signature='o')
def CentralConnect(self, adapter, address):
    path = f'/org/bluez/{adapter}/dev_' + str(address).upper().replace(':', '_')
    properties = {
        'Address': dbus.String(str(address).upper()),
        'AddressType': dbus.String('random'),
        'Alias': dbus.String(str(address).upper().replace(':', '-')),
        'Adapter': dbus.ObjectPath(f'/org/bluez/{adapter}'),
        'Paired': dbus.Boolean(False),
        'Bonded': dbus.Boolean(False),
        'Trusted': dbus.Boolean(False),
        'Blocked': dbus.Boolean(False),
        'Connected': dbus.Boolean(True),
        'ServicesResolved': dbus.Boolean(False),
        'UUIDs': dbus.Array([], signature='s'),
    }
    if path in mockobject.objects:
        _change(mockobject.objects[path], DEVICE_IFACE, {'Connected': dbus.Boolean(True)})
    else:
        _manager().AddObject(path, DEVICE_IFACE, properties, [])
        _manager().EmitSignal(OBJECT_MANAGER_IFACE, 'InterfacesAdded', 'oa{sa{sv}}',
                              [dbus.ObjectPath(path), {DEVICE_IFACE: properties}])
    SUBSCRIPTIONS[path] = set()
    return dbus.ObjectPath(path)


@dbus.service.method(TESTBED_IFACE, in_signature='o', out_signature='')
def CentralPair(self, device):
    '''Just Works: the kernel asks bluetoothd, bluetoothd asks the default agent (RequestAuthorization); a refusal
    fails the pairing and the link stays unencrypted.'''
    agent_manager = mockobject.objects['/org/bluez']
    agent = agent_manager.default_agent
    central = _central(device)
    if not agent or str(agent) not in AGENT_OWNERS:
        raise dbus.exceptions.DBusException('Authentication Rejected: no agent', name='org.bluez.Error.AuthenticationRejected')
    try:
        _bus().call_blocking(AGENT_OWNERS[str(agent)], str(agent), AGENT_IFACE, 'RequestAuthorization', 'o',
                             [dbus.ObjectPath(device)], timeout=10)
    except dbus.exceptions.DBusException as error:
        raise dbus.exceptions.DBusException(f'Authentication Rejected: {error.get_dbus_name()}',
                                            name='org.bluez.Error.AuthenticationRejected') from error
    _change(central, DEVICE_IFACE, {'Paired': dbus.Boolean(True), 'Bonded': dbus.Boolean(True)})


@dbus.service.method(TESTBED_IFACE, in_signature='o', out_signature='')
def CentralDisconnect(self, device):
    central = _central(device)
    for path in list(SUBSCRIPTIONS.get(str(device), ())):
        _set_cccd(str(device), path, False)
    _change(central, DEVICE_IFACE, {'Connected': dbus.Boolean(False), 'ServicesResolved': dbus.Boolean(False)})


@dbus.service.method(TESTBED_IFACE, in_signature='osq', out_signature='yay')
def CentralRead(self, device, uuid, offset):
    owner, path, flags = _characteristic(uuid)
    central = _central(device)
    if 'read' not in flags and 'encrypt-read' not in flags:
        return dbus.Byte(ATT_READ_NOT_PERMITTED), dbus.Array([], signature='y')
    if 'encrypt-read' in flags and not central.props[DEVICE_IFACE]['Paired']:
        return dbus.Byte(ATT_INSUFFICIENT_ENCRYPTION), dbus.Array([], signature='y')
    options = _options(device, offset)
    try:
        value = _bus().call_blocking(owner, path, CHARACTERISTIC_IFACE, 'ReadValue', 'a{sv}', [options], timeout=10)
    except dbus.exceptions.DBusException as error:
        return dbus.Byte(_att_code(error, ATT_READ_NOT_PERMITTED)), dbus.Array([], signature='y')
    return dbus.Byte(0), dbus.Array(value, signature='y')


@dbus.service.method(TESTBED_IFACE, in_signature='osayqb', out_signature='y')
def CentralWrite(self, device, uuid, value, offset, with_response):
    owner, path, flags = _characteristic(uuid)
    central = _central(device)
    kind = 'request' if with_response else 'command'
    allowed = ('write', 'encrypt-write') if with_response else ('write-without-response',)
    if not any(f in flags for f in allowed):
        return dbus.Byte(ATT_WRITE_NOT_PERMITTED)
    if 'encrypt-write' in flags and not central.props[DEVICE_IFACE]['Paired']:
        return dbus.Byte(ATT_INSUFFICIENT_ENCRYPTION)
    options = _options(device, offset)
    options['type'] = dbus.String(kind)
    try:
        _bus().call_blocking(owner, path, CHARACTERISTIC_IFACE, 'WriteValue', 'aya{sv}',
                             [dbus.Array(value, signature='y'), options], timeout=10)
    except dbus.exceptions.DBusException as error:
        return dbus.Byte(_att_code(error, ATT_WRITE_NOT_PERMITTED) if with_response else 0)
    return dbus.Byte(0)


@dbus.service.method(TESTBED_IFACE, in_signature='osb', out_signature='y')
def CentralSubscribe(self, device, uuid, enable):
    owner, path, flags = _characteristic(uuid)
    central = _central(device)
    if not any(f in flags for f in ('notify', 'encrypt-notify', 'indicate')):
        return dbus.Byte(ATT_WRITE_NOT_PERMITTED)
    if enable and 'encrypt-notify' in flags and not central.props[DEVICE_IFACE]['Paired']:
        return dbus.Byte(ATT_INSUFFICIENT_ENCRYPTION)
    try:
        _set_cccd(str(device), path, bool(enable))
    except dbus.exceptions.DBusException as error:
        return dbus.Byte(_att_code(error, ATT_WRITE_NOT_PERMITTED))
    return dbus.Byte(0)


def _set_cccd(device, path, enable):
    '''ccc_write_cb: StartNotify when the first central enables the CCCD, StopNotify when the last one disables it.'''
    owner = _owner_of(path)
    subscribed = SUBSCRIPTIONS.setdefault(device, set())
    others = any(path in paths for d, paths in SUBSCRIPTIONS.items() if d != device)
    if enable and path not in subscribed:
        if not others:
            _bus().call_blocking(owner, path, CHARACTERISTIC_IFACE, 'StartNotify', '', [], timeout=10)
        subscribed.add(path)
    elif not enable and path in subscribed:
        subscribed.discard(path)
        if not others:
            _bus().call_blocking(owner, path, CHARACTERISTIC_IFACE, 'StopNotify', '', [], timeout=10)


def _properties_changed(interface, changed, invalidated, sender=None, path=None):
    '''property_changed_cb: a characteristic's new Value is notified to every central whose CCCD is enabled.'''
    if interface != CHARACTERISTIC_IFACE or 'Value' not in changed:
        return
    for (owner, _), record in APPLICATIONS.items():
        if owner != sender or path not in record['objects']:
            continue
        uuid = str(record['objects'][path][CHARACTERISTIC_IFACE]['UUID']).lower()
        for device, paths in SUBSCRIPTIONS.items():
            if path in paths:
                _manager().EmitSignal(TESTBED_IFACE, 'CentralNotified', 'osay',
                                      [dbus.ObjectPath(device), uuid, dbus.Array(changed['Value'], signature='y')])


def _options(device, offset):
    return dbus.Dictionary({
        'offset': dbus.UInt16(offset),
        'mtu': dbus.UInt16(247),
        'device': dbus.ObjectPath(device),
        'link': dbus.String('LE'),
    }, signature='sv')


def _att_code(error, permission_error):
    '''dbus_error_to_att_ecode, src/gatt-database.c: Failed carries an application code 0x80-0x9F in its message
    (0x80 when it carries none), NotPermitted the access's own permission error.'''
    name = error.get_dbus_name()
    if name == 'org.bluez.Error.Failed':
        message = (error.get_dbus_message() or '').strip()
        try:
            code = int(message, 0)
        except ValueError:
            return 0x80
        return code if 0x80 <= code <= 0x9F else ATT_UNLIKELY
    return {
        'org.bluez.Error.NotSupported': ATT_REQUEST_NOT_SUPPORTED,
        'org.bluez.Error.NotAuthorized': ATT_AUTHORIZATION,
        'org.bluez.Error.InvalidValueLength': ATT_INVALID_VALUE_LENGTH,
        'org.bluez.Error.InvalidOffset': ATT_INVALID_OFFSET,
        'org.bluez.Error.InProgress': ATT_ALREADY_IN_PROGRESS,
        'org.bluez.Error.NotPermitted': permission_error,
    }.get(name, ATT_UNLIKELY)


def _central(device):
    central = mockobject.objects.get(str(device))
    if central is None or DEVICE_IFACE not in central.props or not central.props[DEVICE_IFACE]['Connected']:
        raise dbus.exceptions.DBusException('Not Connected', name='org.bluez.Error.NotConnected')
    return central


def _characteristic(uuid):
    for (owner, _), record in APPLICATIONS.items():
        for path, interfaces in record['objects'].items():
            properties = interfaces.get(CHARACTERISTIC_IFACE)
            if properties is not None and str(properties['UUID']).lower() == str(uuid).lower():
                return owner, str(path), [str(f) for f in properties['Flags']]
    raise dbus.exceptions.DBusException(f'No registered characteristic {uuid}', name='org.bluez.Error.DoesNotExist')


def _owner_of(path):
    for (owner, _), record in APPLICATIONS.items():
        if path in record['objects']:
            return owner
    raise dbus.exceptions.DBusException(f'No registered object {path}', name='org.bluez.Error.DoesNotExist')


def _change(obj, interface, changes):
    for key, value in changes.items():
        obj.props[interface][key] = value
    obj.EmitSignal(PROPERTIES_IFACE, 'PropertiesChanged', 'sa{sv}as',
                   [interface, dbus.Dictionary(changes, signature='sv'), dbus.Array([], signature='s')])
