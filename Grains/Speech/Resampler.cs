namespace CallPing.Grains.Speech;

/// <summary>
/// Band-limited resampling (windowed sinc) of 16-bit audio, done here rather than by sox so that the silo needs one
/// program (espeak-ng) and no second process per rendering. Going down to 8 kHz it cuts what a phone line cannot carry
/// (above 4 kHz) instead of folding it back as noise.
/// </summary>
public static class Resampler
{
    /// <summary>Input samples on each side of an output sample that weigh in: more is sharper and slower.</summary>
    private const int HalfWidth = 16;

    public static short[] Resample(ReadOnlySpan<short> input, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate)
        {
            return input.ToArray();
        }

        var step = (double)fromRate / toRate;
        // Below both Nyquist frequencies, with a little room for the filter's slope.
        var cutoff = 0.95 * Math.Min(1.0, 1.0 / step);
        var reach = HalfWidth / cutoff;
        var output = new short[(int)(input.Length / step)];
        for (var n = 0; n < output.Length; n++)
        {
            var center = n * step;
            var first = Math.Max(0, (int)Math.Ceiling(center - reach));
            var last = Math.Min(input.Length - 1, (int)Math.Floor(center + reach));
            double sum = 0;
            for (var k = first; k <= last; k++)
            {
                var x = k - center;
                sum += input[k] * cutoff * Sinc(cutoff * x) * Window(x / reach);
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Blackman window over [-1, 1].</summary>
    private static double Window(double x) => 0.42 + 0.5 * Math.Cos(Math.PI * x) + 0.08 * Math.Cos(2 * Math.PI * x);
}
