namespace Wand.Host.Calibration.Sensors;

/// <summary>
/// A station fixture that can stand in precision references for the unit's sensor inputs itself (the in-process
/// virtual wand's fixture). A station without it carries out the sensor calibration through its configured fixture
/// actions (<see cref="FixtureActionsSensorFixture"/>).
/// </summary>
public interface ISensorCalibrationStation
{
    /// <summary>Creates the fixture the sensor calibration (SR-18) drives.</summary>
    /// <returns>The fixture.</returns>
    ISensorCalibrationFixture CreateSensorCalibrationFixture();
}
