using System.Buffers.Binary;

namespace CallPing.Ari.Tests.Infrastructure;

/// <summary>Builds WAV files of silence with a given layout, to serve as media.</summary>
internal static class Wav
{
    public const int Pcm = 1;
    public const int MuLaw = 7;

    /// <summary>8 kHz 16-bit mono PCM: what Asterisk plays as .wav.</summary>
    public static byte[] Telephone(TimeSpan length) => Build(length, 8000);

    public static byte[] Build(TimeSpan length, int sampleRate, int encoding = Pcm, int channels = 1, int bitsPerSample = 16)
    {
        var blockAlign = channels * bitsPerSample / 8;
        var dataBytes = (int)(length.TotalSeconds * sampleRate) * blockAlign;
        var file = new byte[44 + dataBytes];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], (short)encoding);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * blockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)blockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], (short)bitsPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        return file;
    }
}
