using System;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>A clock the test advances by hand, for throttling and rate assertions.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
