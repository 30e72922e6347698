using Xunit;

// The commands seed and configure torch's global state; the tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
