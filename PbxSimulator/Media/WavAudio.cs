using System.Buffers.Binary;

namespace CallPing.PbxSimulator.Media;

/// <summary>What a RIFF/WAVE file's header says, read the way Asterisk's format_wav reads it.</summary>
/// <param name="Encoding">The fmt chunk's format tag: 1 = PCM, 7 = mu-law; null when the file has no fmt chunk before its data.</param>
/// <param name="Channels">1 = mono.</param>
/// <param name="SampleRate">Samples a second.</param>
/// <param name="BytesPerSample">The block alignment: 2 for 16-bit mono.</param>
/// <param name="DataBytes">The audio's size: the data chunk's, or what is really there when that is less.</param>
internal sealed record WavAudio(int? Encoding, int Channels, int SampleRate, int BytesPerSample, long DataBytes)
{
    private const int Pcm = 1;

    /// <summary>How long the audio lasts; null when the header gives no rate to measure it by.</summary>
    public TimeSpan? Duration => SampleRate > 0 && BytesPerSample > 0
        ? TimeSpan.FromSeconds((double)DataBytes / (SampleRate * BytesPerSample))
        : null;

    /// <summary>The file, or null when it is no RIFF/WAVE file or its chunks end before the data.</summary>
    public static WavAudio? Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            return null;
        }

        int? encoding = null;
        int channels = 0, sampleRate = 0, bytesPerSample = 0;
        var at = 12;
        while (at + 8 <= file.Length)
        {
            var id = file.Slice(at, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(at + 4, 4));
            var body = at + 8;
            if (id.SequenceEqual("data"u8))
            {
                return new WavAudio(encoding, channels, sampleRate, bytesPerSample, Math.Min(size, file.Length - body));
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > file.Length)
                {
                    return null;
                }

                encoding = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 2, 2));
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(body + 4, 4));
                bytesPerSample = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 12, 2));
            }

            at = (int)Math.Min(body + (long)size, int.MaxValue);
        }

        return null;
    }

    /// <summary>
    /// Whether format_wav opens it for a file whose format runs at <paramref name="rate"/> (8000 for .wav, 16000 for
    /// .wav16): 16-bit mono PCM at exactly that rate. Like Asterisk, a file without a fmt chunk is not checked.
    /// </summary>
    public bool OpensAt(int rate) => Encoding is null || (Encoding == Pcm && Channels == 1 && SampleRate == rate && BytesPerSample == 2);


    /// <summary>How long Asterisk plays it as 16-bit audio at <paramref name="rate"/>.</summary>
    public TimeSpan PlayTime(int rate) => TimeSpan.FromSeconds((double)DataBytes / (rate * 2));
}
