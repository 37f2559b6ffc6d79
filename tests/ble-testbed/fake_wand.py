'''A small stand-in for the wand's GATT behaviour, used until a served virtual wand ("wand sim serve") can answer.

It keeps just enough state to exercise the host's BLE link: a status value, a control point that starts and stops a
session and notifies its result, and the SIG battery level. Payload layouts are stand-ins, mirrored in the host's
tests, and are replaced by the real profile when the protocol table lands.

Stand-in layouts:
  status (read, notify):   [state 0 idle / 1 running, level 0-5, head id, battery percent]
  control point (write):   [0x01 start, level 1-5] or [0x02 stop]; result notified as [opcode, 0 ok / 1 refused]
  advertising service data [layout version 1, head id, battery percent]
'''

import wand_uuids as uuids


class AttError(Exception):
    '''An ATT error the wand answers with; code 0x01-0xFF.'''

    def __init__(self, code, text):
        super().__init__(text)
        self.code = code


class FakeWand:
    '''State and rules of one stand-in wand.'''

    def __init__(self, head=1, battery=87):
        self.head = head
        self.battery = battery
        self.running = False
        self.level = 0

    def advertising_data(self):
        return bytes([1, self.head, self.battery])

    def status(self):
        return bytes([1 if self.running else 0, self.level, self.head, self.battery])

    def read(self, uuid):
        if uuid == uuids.STATUS:
            return self.status()
        if uuid == uuids.BATTERY_LEVEL:
            return bytes([self.battery])
        raise AttError(0x02, 'Read not permitted')

    def write(self, uuid, value):
        '''Applies a write; returns the notifications it causes as (uuid, bytes) pairs.'''
        if uuid != uuids.CONTROL_POINT:
            raise AttError(0x03, 'Write not permitted')
        if len(value) == 0:
            raise AttError(0x0D, 'Invalid Length')
        opcode = value[0]
        if opcode == 0x01:
            if len(value) != 2:
                raise AttError(0x0D, 'Invalid Length')
            if not 1 <= value[1] <= 5:
                raise AttError(0x80, 'level out of range')
            if self.head == 0:
                return [(uuids.CONTROL_POINT, bytes([opcode, 1]))]
            self.running, self.level = True, value[1]
        elif opcode == 0x02:
            if len(value) != 1:
                raise AttError(0x0D, 'Invalid Length')
            self.running, self.level = False, 0
        else:
            raise AttError(0x81, 'unknown opcode')
        return [(uuids.CONTROL_POINT, bytes([opcode, 0])), (uuids.STATUS, self.status())]
