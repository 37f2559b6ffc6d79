namespace Wand.Protocol.Factory
{
    /// <summary>The state of the factory self-test. Wire value: one byte.</summary>
    public enum SelfTestState : byte
    {
        /// <summary>No self-test has run since boot.</summary>
        NotRun = 0,

        /// <summary>The self-test is running.</summary>
        Running = 1,

        /// <summary>Every check passed.</summary>
        Passed = 2,

        /// <summary>At least one check failed; see the failed-checks mask.</summary>
        Failed = 3,
    }
}
