using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Calibration;

/// <summary>
/// A wand whose jig strap and power the host controls: the virtual wand, or a jig with a relay on strap and supply.
/// Factory mode (SR-15) is entered and left only by power-cycling with or without the strap.
/// </summary>
public interface IFactoryStrapControl
{
    /// <summary>Fits or removes the strap and power-cycles the wand; the link is usable again when the task completes.</summary>
    /// <param name="factoryStrap"><c>true</c> to boot into factory mode.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rebooted wand answers.</returns>
    Task PowerCycleAsync(bool factoryStrap, CancellationToken cancellationToken = default);
}
