System.Console.WriteLine("benchmark: pending");
