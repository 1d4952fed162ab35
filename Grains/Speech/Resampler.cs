using System.Buffers;
using System.Numerics;

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

    /// <summary>How many samples <paramref name="inputLength"/> samples become.</summary>
    public static int OutputLength(int inputLength, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        return (int)((long)inputLength * toRate / fromRate);
    }

    /// <summary>Resamples into <paramref name="output"/>, which holds exactly <see cref="OutputLength"/> samples.</summary>
    public static void Resample(ReadOnlySpan<short> input, int fromRate, int toRate, Span<short> output)
    {
        if (output.Length != OutputLength(input.Length, fromRate, toRate))
        {
            throw new ArgumentException($"The output must hold {OutputLength(input.Length, fromRate, toRate)} samples.", nameof(output));
        }

        if (fromRate == toRate)
        {
            input.CopyTo(output);
            return;
        }

        // Output sample n sits at input position n * from / to. Its filter depends only on n mod `phases`; the next
        // period of outputs uses the same filters, `stride` input samples further on. So each filter is computed once.
        var gcd = Gcd(fromRate, toRate);
        var phases = toRate / gcd;
        var stride = fromRate / gcd;
        var step = (double)fromRate / toRate;
        // Below both Nyquist frequencies, with a little room for the filter's slope.
        var cutoff = 0.95 * Math.Min(1.0, 1.0 / step);
        var reach = HalfWidth / cutoff;
        var filters = new (int First, float[] Weights)[phases];
        for (var p = 0; p < phases; p++)
        {
            var center = p * step;
            var first = (int)Math.Ceiling(center - reach);
            var last = (int)Math.Floor(center + reach);
            var weights = new float[last - first + 1];
            for (var k = first; k <= last; k++)
            {
                var x = k - center;
                weights[k - first] = (float)(cutoff * Sinc(cutoff * x) * Window(x / reach));
            }

            filters[p] = (first, weights);
        }

        // In float, so that each output sample is one vectorised dot product: rendering runs beside the calls, and this
        // loop is most of its time in the silo. The buffer is pooled: a rendering's large arrays would otherwise cost
        // the silo full garbage collections while it dials.
        var rented = ArrayPool<float>.Shared.Rent(input.Length);
        try
        {
            var samples = rented.AsSpan(0, input.Length);
            for (var i = 0; i < input.Length; i++)
            {
                samples[i] = input[i];
            }

            for (var n = 0; n < output.Length; n++)
            {
                var (first, weights) = filters[n % phases];
                var offset = n / phases * stride + first;
                // At the ends the filter reaches past the input: only the part that overlaps it counts.
                var skip = Math.Max(0, -offset);
                var length = Math.Min(weights.Length, samples.Length - offset) - skip;
                var sum = length > 0 ? Dot(samples.Slice(offset + skip, length), weights.AsSpan(skip, length)) : 0;
                output[n] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sums = Vector<float>.Zero;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sums += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var sum = Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Blackman window over [-1, 1].</summary>
    private static double Window(double x) => 0.42 + 0.5 * Math.Cos(Math.PI * x) + 0.08 * Math.Cos(2 * Math.PI * x);
}
