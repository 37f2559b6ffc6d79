namespace Wand.Protocol.Framing
{
    /// <summary>
    /// The operation of a frame on a byte-stream transport (TCP, Unix socket, UART factory port). Requests come from
    /// the client; responses echo the request's sequence number. Wire value: one byte.
    /// </summary>
    public enum FrameOperation : byte
    {
        /// <summary>Client: read a characteristic. Body: offset u16 (must be 0).</summary>
        ReadRequest = 0x01,

        /// <summary>Server: the value read. Body: the value.</summary>
        ReadResponse = 0x02,

        /// <summary>Client: write with response. Body: offset u16 (must be 0), then the value.</summary>
        WriteRequest = 0x03,

        /// <summary>Server: the write was accepted. Body: empty.</summary>
        WriteResponse = 0x04,

        /// <summary>Client: write without response; never answered, not even on error. Body: the value.</summary>
        WriteCommand = 0x05,

        /// <summary>Client: enable notifications of a characteristic. Body: empty.</summary>
        SubscribeRequest = 0x06,

        /// <summary>Client: disable notifications of a characteristic. Body: empty.</summary>
        UnsubscribeRequest = 0x07,

        /// <summary>Server: the subscription change was applied. Body: empty.</summary>
        SubscribeResponse = 0x08,

        /// <summary>Server: a notification. Sequence: the server's own notification counter. Body: the value.</summary>
        Notification = 0x09,

        /// <summary>Server: a request failed. Body: request operation u8, ATT error u8.</summary>
        ErrorResponse = 0x0A,

        /// <summary>Client: link control (connect with security flags, disconnect, ping). Body: command u8, flags u8.</summary>
        LinkControlRequest = 0x0B,

        /// <summary>Server: link-control answer. Body: command u8, result u8 (ATT error, 0 = done), granted flags u8.</summary>
        LinkControlResponse = 0x0C,
    }
}
