using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CallPing.Grains.Speech;

/// <summary>
/// 16-bit mono PCM WAV, the one format both espeak-ng writes and Asterisk plays from a URL. espeak-ng writing to a pipe
/// cannot know its length, so a data chunk's size is not trusted: the data runs to the end. Samples are read and written
/// in place, without copies: WAV is little-endian, as is every processor .NET runs the silo on.
/// </summary>
public static class PcmWav
{
    private const int HeaderBytes = 44;

    /// <summary>The sample rate and samples of a 16-bit mono PCM WAV.</summary>
    public static (int SampleRate, short[] Samples) Read(ReadOnlySpan<byte> wav)
    {
        var samples = SamplesOf(wav, out var sampleRate);
        return (sampleRate, samples.ToArray());
    }

    /// <summary>The samples of a 16-bit mono PCM WAV, read in place.</summary>
    public static ReadOnlySpan<short> SamplesOf(ReadOnlySpan<byte> wav, out int sampleRate)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new FormatException("Not a RIFF WAVE file.");
        }

        sampleRate = 0;
        for (var at = 12; at + 8 <= wav.Length;)
        {
            var id = wav.Slice(at, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(at + 4, 4)), int.MaxValue);
            var body = wav[(at + 8)..];
            if (id.SequenceEqual("fmt "u8))
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format != 1 || channels != 1 || bits != 16)
                {
                    throw new FormatException($"Expected 16-bit mono PCM, got format {format}, {channels} channels, {bits} bits.");
                }

                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate == 0)
                {
                    throw new FormatException("The data chunk comes before the fmt chunk.");
                }

                return MemoryMarshal.Cast<byte, short>(body[..(body.Length & ~1)]);
            }

            at += 8 + size + (size & 1);
        }

        throw new FormatException("No data chunk.");
    }

    /// <summary>A complete 16-bit mono PCM WAV of <paramref name="sampleCount"/> silent samples, to be written through <see cref="SamplesOf(byte[])"/>.</summary>
    public static byte[] Silent(int sampleRate, int sampleCount)
    {
        var wav = new byte[HeaderBytes + 2 * sampleCount];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], 2 * sampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], 2 * sampleCount);
        return wav;
    }

    /// <summary>The samples of a WAV made by <see cref="Silent"/>, in place.</summary>
    public static Span<short> SamplesOf(byte[] wav) => MemoryMarshal.Cast<byte, short>(wav.AsSpan(HeaderBytes));

    /// <summary>How long the audio of a 16-bit mono PCM WAV plays.</summary>
    public static TimeSpan DurationOf(ReadOnlySpan<byte> wav)
    {
        var samples = SamplesOf(wav, out var rate);
        return TimeSpan.FromSeconds((double)samples.Length / rate);
    }
}
