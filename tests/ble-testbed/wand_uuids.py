'''GATT UUIDs the test bed serves: the one place on the Python side.

The Wand service values are stand-ins until the protocol table (protocol/PROFILE.md) lands; they must equal
host-cli/Wand.Host/Links/Ble/WandGattUuids.cs. The SIG values are from the Bluetooth Assigned Numbers.
'''

WAND_BASE = '5a1d{:04x}-8f2e-4c6b-9a7d-3e1f0b2c4d5e'
WAND_SERVICE = WAND_BASE.format(0x0001)
CONTROL_POINT = WAND_BASE.format(0x0002)
STATUS = WAND_BASE.format(0x0003)

SIG_BASE = '0000{:04x}-0000-1000-8000-00805f9b34fb'
BATTERY_SERVICE = SIG_BASE.format(0x180F)
BATTERY_LEVEL = SIG_BASE.format(0x2A19)
