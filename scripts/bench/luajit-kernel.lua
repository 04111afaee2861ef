-- Times one kernel file on luajit: warms up, then runs it for about two seconds of CPU and
-- prints microseconds per run (os.clock is process CPU time, steadier than wall time on a
-- shared machine).
local path = assert(arg[1], "usage: luajit luajit-kernel.lua <kernel.lua>")
local kernel = assert(loadfile(path))
local clock = os.clock
local t0 = clock()
while clock() - t0 < 1 do kernel() end
local runs, begin = 0, clock()
repeat
  kernel()
  runs = runs + 1
until clock() - begin >= 2
print(string.format("%.3f", (clock() - begin) * 1e6 / runs))
