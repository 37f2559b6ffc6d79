using System.Reflection;

[assembly: AssemblyTitle("WandFirmware")]
[assembly: AssemblyProduct("Baby-massage wand firmware")]
[assembly: AssemblyCopyright("Copyright (c) WandFirmware contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
