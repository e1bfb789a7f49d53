namespace CogLsp.Tests.Shared.LoopbackIndex;

/// <summary>How the loopback index misbehaves for one project's page.</summary>
public enum LoopbackFault
{
    None,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>403 Forbidden.</summary>
    Forbidden,

    /// <summary>410 Gone.</summary>
    Gone,

    /// <summary>Never answers (until the client gives up or the server stops).</summary>
    Hang,

    /// <summary>200 with the PEP 691 JSON content type and a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>200 with a body of <see cref="LoopbackIndexServer.OversizedBytes"/> bytes.</summary>
    Oversized,

    /// <summary>302 to the same page on http://localhost:port/open/simple/ (another host for the client;
    /// that path never asks for credentials).</summary>
    RedirectToOtherHost,

    /// <summary>301 to the same page under /moved/simple/ on the same host (credentials still required).</summary>
    RedirectSameHost,

    /// <summary>200 with a content type that is neither PEP 691 JSON nor HTML.</summary>
    WrongContentType,
}
