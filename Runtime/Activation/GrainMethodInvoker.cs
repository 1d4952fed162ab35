using System.Collections.Concurrent;
using System.Reflection;

namespace CallPing.Runtime.Activation;

/// <summary>Turns a call on a grain interface into a turn on the activation and back into the interface's return type.</summary>
internal sealed class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    private readonly MethodInfo _method;
    private readonly Func<object, Task<object?>> _awaitResult;
    private readonly Func<Task<object?>, object> _toReturnType;

    private GrainMethodInvoker(MethodInfo method)
    {
        _method = method;
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            _awaitResult = async r => { await (Task)r; return null; };
            _toReturnType = t => t;
        }
        else if (returnType == typeof(ValueTask))
        {
            _awaitResult = async r => { await (ValueTask)r; return null; };
            _toReturnType = t => new ValueTask(t);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            var adapter = (IResultAdapter)Activator.CreateInstance(
                typeof(ResultAdapter<>).MakeGenericType(returnType.GetGenericArguments()[0]))!;
            var isTask = definition == typeof(Task<>);
            _awaitResult = isTask ? adapter.AwaitTask : adapter.AwaitValueTask;
            _toReturnType = isTask ? adapter.ToTask : adapter.ToValueTask;
        }
        else
        {
            throw new NotSupportedException(
                $"{method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }
    }

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, m => new GrainMethodInvoker(m));

    public static void EnsureSupported(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            For(method);
        }
    }

    public string Name => $"{_method.DeclaringType?.Name}.{_method.Name}";

    /// <summary>Runs the method on the grain instance inside its turn.</summary>
    public Task<object?> InvokeOnGrain(Grain grain, object?[]? arguments) =>
        _awaitResult(_method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, arguments, null)!);

    public object ToReturnType(Task<object?> result) => _toReturnType(result);

    private interface IResultAdapter
    {
        Task<object?> AwaitTask(object result);

        Task<object?> AwaitValueTask(object result);

        object ToTask(Task<object?> result);

        object ToValueTask(Task<object?> result);
    }

    private sealed class ResultAdapter<T> : IResultAdapter
    {
        public async Task<object?> AwaitTask(object result) => await (Task<T>)result;

        public async Task<object?> AwaitValueTask(object result) => await (ValueTask<T>)result;

        public object ToTask(Task<object?> result) => Cast(result);

        public object ToValueTask(Task<object?> result) => new ValueTask<T>(Cast(result));

        private static async Task<T> Cast(Task<object?> result) => (T)(await result)!;
    }
}
