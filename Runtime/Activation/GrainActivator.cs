using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using CallPing.Runtime.Reminders;
using CallPing.Runtime.Storage;

namespace CallPing.Runtime.Activation;

/// <summary>Creates a grain instance: binds its constructor parameters, loads its states, runs OnActivateAsync.</summary>
internal sealed class GrainActivator(
    IServiceProvider services,
    IGrainStateStore stateStore,
    IOutboxStore outboxStore,
    ReminderRegistry reminders,
    RuntimeSignals signals,
    TimeProvider time)
{
    public async Task<(Grain Grain, ActivationContext Context)> ActivateAsync(GrainActivation activation)
    {
        var context = new ActivationContext(activation, services.GetRequiredService<IGrainFactory>(), reminders, outboxStore, signals, time);
        try
        {
            var parameters = activation.Type.Constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            var states = new List<ILoadableState>();
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = Bind(parameters[i], activation, context, states);
            }

            foreach (var state in states)
            {
                await state.LoadAsync();
            }

            context.States = states;

            var grain = (Grain)activation.Type.Constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null);
            grain.Attach(context);
            await grain.OnActivateAsync(CancellationToken.None);
            return (grain, context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private object Bind(ParameterInfo parameter, GrainActivation activation, ActivationContext context, List<ILoadableState> states)
    {
        var type = parameter.ParameterType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IPersistentState<>))
        {
            var stateName = parameter.GetCustomAttribute<PersistentStateAttribute>()?.StateName ?? parameter.Name!;
            var key = new GrainStateKey(activation.Type.Name, activation.Id.Key, stateName);
            var state = (ILoadableState)Activator.CreateInstance(
                typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]), stateStore, key, context)!;
            states.Add(state);
            return state;
        }

        if (type == typeof(IOutbox))
        {
            return context;
        }

        return services.GetRequiredService(type);
    }
}
