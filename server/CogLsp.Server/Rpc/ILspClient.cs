namespace CogLsp.Server.Rpc;

/// <summary>Messages from the server to the client.</summary>
public interface ILspClient
{
    Task NotifyAsync(string method, object? parameters);

    Task<T?> RequestAsync<T>(string method, object? parameters, CancellationToken cancellationToken);
}
