using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Speech;

namespace CallPing.Grains.Speech;

/// <summary>
/// The words of an alert call in the voice's language (the part of an espeak-ng voice name before '-'): English, German,
/// Spanish, French and Ukrainian; any other voice speaks the English words.
/// </summary>
public static class PromptTexts
{
    private sealed record Language(string Alert, string Acknowledged, string PassedOn, string Sample, IReadOnlyDictionary<AlertSeverity, string> Severities);

    private static readonly Language English = new(
        "CallPing alert for project {0}. {1}. {2}. Press 1 to acknowledge, 2 to pass to the next person, 9 to hear this again.",
        "Acknowledged. Thank you.",
        "Passing to the next person.",
        "Disk almost full on database server one",
        new Dictionary<AlertSeverity, string> { [AlertSeverity.Critical] = "Critical", [AlertSeverity.Error] = "Error", [AlertSeverity.Warning] = "Warning", [AlertSeverity.Info] = "Information" });

    private static readonly Dictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["de"] = new(
            "CallPing-Alarm für Projekt {0}. {1}. {2}. Drücken Sie 1 zum Bestätigen, 2 zum Weitergeben an die nächste Person, 9 zum Wiederholen.",
            "Bestätigt. Danke.",
            "Weiter an die nächste Person.",
            "Festplatte auf Datenbankserver eins fast voll",
            new Dictionary<AlertSeverity, string> { [AlertSeverity.Critical] = "Kritisch", [AlertSeverity.Error] = "Fehler", [AlertSeverity.Warning] = "Warnung", [AlertSeverity.Info] = "Information" }),
        ["es"] = new(
            "Alerta de CallPing para el proyecto {0}. {1}. {2}. Pulse 1 para confirmar, 2 para pasar a la siguiente persona, 9 para escuchar de nuevo.",
            "Confirmado. Gracias.",
            "Pasando a la siguiente persona.",
            "Disco casi lleno en el servidor de base de datos uno",
            new Dictionary<AlertSeverity, string> { [AlertSeverity.Critical] = "Crítico", [AlertSeverity.Error] = "Error", [AlertSeverity.Warning] = "Advertencia", [AlertSeverity.Info] = "Información" }),
        ["fr"] = new(
            "Alerte CallPing pour le projet {0}. {1}. {2}. Appuyez sur 1 pour confirmer, 2 pour passer à la personne suivante, 9 pour réécouter.",
            "Confirmé. Merci.",
            "Transfert à la personne suivante.",
            "Disque presque plein sur le serveur de base de données un",
            new Dictionary<AlertSeverity, string> { [AlertSeverity.Critical] = "Critique", [AlertSeverity.Error] = "Erreur", [AlertSeverity.Warning] = "Avertissement", [AlertSeverity.Info] = "Information" }),
        ["uk"] = new(
            "Тривога CallPing для проєкту {0}. {1}. {2}. Натисніть 1, щоб підтвердити, 2, щоб передати наступній людині, 9, щоб прослухати ще раз.",
            "Підтверджено. Дякуємо.",
            "Передаю наступній людині.",
            "Диск на сервері бази даних один майже заповнений",
            new Dictionary<AlertSeverity, string> { [AlertSeverity.Critical] = "Критично", [AlertSeverity.Error] = "Помилка", [AlertSeverity.Warning] = "Попередження", [AlertSeverity.Info] = "Інформація" }),
    };

    /// <summary>What the calls of an alert say, its summary cleaned for speech.</summary>
    public static SpokenPrompts For(string project, AlertSeverity severity, string summary, ProjectSpeech speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        var words = LanguageOf(speech.Voice);
        var alert = string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Alert,
            SpokenSummary.Clean(project), words.Severities[severity], SpokenSummary.Clean(summary)).Replace(". . ", ". ", StringComparison.Ordinal);
        return new SpokenPrompts(
            new SpeechRequest(alert, speech.Voice, speech.Speed),
            new SpeechRequest(words.Acknowledged, speech.Voice, speech.Speed),
            new SpeechRequest(words.PassedOn, speech.Voice, speech.Speed));
    }

    /// <summary>The prompts of a made-up alert, for hearing a voice before the first real one.</summary>
    public static SpokenPrompts Sample(string project, ProjectSpeech speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return For(project, AlertSeverity.Critical, LanguageOf(speech.Voice).Sample, speech);
    }

    private static Language LanguageOf(string voice) => Languages.GetValueOrDefault(voice.Split('-', 2)[0], English);
}
