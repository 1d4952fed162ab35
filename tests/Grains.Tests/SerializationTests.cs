using System.Collections;
using System.Reflection;
using System.Text.Json;
using CallPing.Grains.Alerts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CallPing.Grains.Tests;

/// <summary>
/// Every type Orleans carries between grains or keeps as grain state round-trips through the silo's own serializer with
/// every member set: a member without an [Id] comes back empty, a member Orleans cannot serialize throws.
/// </summary>
public sealed class SerializationTests(SerializationTests.Silo fixture) : IClassFixture<SerializationTests.Silo>
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 34, 56, 789, TimeSpan.Zero);

    public static TheoryData<string> SerializableTypes() => new(TypeNames());

    [Fact]
    public void SerializableTypes_ContractsAndStates_AreAllFound()
    {
        var names = TypeNames();

        Assert.Contains(typeof(AlertView).FullName, names);
        Assert.Contains(typeof(AlertState).FullName, names);
        Assert.Contains(typeof(Pbx.PbxState).FullName, names);
        Assert.True(names.Count >= 40, $"only {names.Count} types found");
    }

    [Theory]
    [MemberData(nameof(SerializableTypes))]
    public void Serializer_EveryMemberSet_RoundTripsUnchanged(string typeName)
    {
        var type = typeof(AlertView).Assembly.GetType(typeName) ?? typeof(AlertState).Assembly.GetType(typeName)!;
        var value = Sample(type, "value");
        var serializer = fixture.Grains.SiloServices.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray<object>(value));

        Assert.IsType(type, copy);
        Assert.Equal(JsonSerializer.Serialize(value, type), JsonSerializer.Serialize(copy, type));
    }

    /// <summary>Every [GenerateSerializer] type of the contracts and of the grains (their states).</summary>
    private static List<string> TypeNames() =>
    [
        .. new[] { typeof(AlertView).Assembly, typeof(AlertState).Assembly }.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A realistic, non-default value of <paramref name="type"/>, every member set; <paramref name="name"/> shapes strings.</summary>
    private static object Sample(Type type, string name)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Sample(underlying, name);
        }

        if (type == typeof(string))
        {
            return name.Contains("Number", StringComparison.Ordinal) ? "+4915112345678" : $"{name} a1b2c3-1";
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (type == typeof(int))
        {
            return 7;
        }

        if (type == typeof(long))
        {
            return 123_456_789_012L;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(42.5);
        }

        if (type == typeof(DateTimeOffset))
        {
            return At;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var key, var item] && typeof(IDictionary).IsAssignableFrom(type))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, item))!;
            dictionary.Add(Sample(key, $"{name} key"), Sample(item, $"{name}[key]"));
            return dictionary;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element, $"{name}[0]"));
            list.Add(Sample(element, $"{name}[1]"));
            return list;
        }

        return Construct(type);
    }

    /// <summary>Through the widest constructor (a private one when the type has none other: a validated value), then every settable property.</summary>
    private static object Construct(Type type)
    {
        var constructors = type.GetConstructors() is { Length: > 0 } visible ? visible : type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance);
        var constructor = constructors.OrderByDescending(c => c.GetParameters().Length).First();
        var value = constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType, p.Name!))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            if (constructor.GetParameters().All(p => p.Name != property.Name))
            {
                property.SetValue(value, Sample(property.PropertyType, property.Name));
            }
        }

        return value;
    }

    /// <summary>A silo whose serializer is the one the grains' calls and the tests' client use.</summary>
    public sealed class Silo : IAsyncLifetime
    {
        private readonly TestSupport.TempFolder _data = new();
        private GrainSilo? _silo;

        public GrainSilo Grains => _silo ?? throw new InvalidOperationException("The silo is not running.");

        public async Task InitializeAsync() => _silo = await GrainSilo.StartAsync(_data.Path, $"serialization-{Guid.NewGuid():N}", TestPbxFleet.OnePerProvider(1));

        public async Task DisposeAsync()
        {
            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }

            _data.Dispose();
        }
    }
}
