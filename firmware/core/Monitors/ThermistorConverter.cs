using System;
using Wand.Core.Board;

namespace Wand.Core.Monitors
{
    /// <summary>
    /// Converts the head NTC divider's ADC reading to a temperature with the Beta equation:
    /// 1/T = 1/T0 + ln(R/R0)/β, T in kelvin (the Beta equation, https://en.wikipedia.org/wiki/Thermistor#B_or_%CE%B2_parameter_equation).
    /// </summary>
    public sealed class ThermistorConverter
    {
        private const double KelvinOffset = 273.15;
        private readonly ThermistorParameters parameters;
        private readonly double inverseReferenceKelvin;
        private readonly double inverseBeta;

        /// <summary>Initializes a new instance of the <see cref="ThermistorConverter"/> class.</summary>
        /// <param name="parameters">The NTC and divider.</param>
        public ThermistorConverter(ThermistorParameters parameters)
        {
            this.parameters = parameters;
            inverseReferenceKelvin = 1.0 / ((parameters.ReferenceMillidegrees / 1000.0) + KelvinOffset);
            inverseBeta = 1.0 / parameters.BetaKelvin;
        }

        /// <summary>Converts one raw reading.</summary>
        /// <param name="counts">Raw ADC counts, 0 to 4095.</param>
        /// <param name="millidegrees">The temperature in millidegrees Celsius when the reading is usable.</param>
        /// <returns><c>false</c> when the divider reads open or shorted (no finite resistance).</returns>
        public bool TryConvert(int counts, out int millidegrees)
        {
            int millivolts = AnalogScaling.CountsToMillivolts(counts);
            int railMillivolts = AnalogScaling.RailMillivolts;
            if (millivolts <= 0 || millivolts >= railMillivolts || counts >= AnalogScaling.MaximumCounts)
            {
                millidegrees = 0;
                return false;
            }

            double resistance = (double)parameters.PullUpOhms * millivolts / (railMillivolts - millivolts);
            double inverseKelvin = inverseReferenceKelvin + (inverseBeta * Math.Log(resistance / parameters.NominalOhms));
            if (inverseKelvin <= 0)
            {
                millidegrees = 0;
                return false;
            }

            millidegrees = (int)(((1.0 / inverseKelvin) - KelvinOffset) * 1000.0);
            return true;
        }
    }
}
