-- a numeric for loop with arithmetic
local s = 0
for i = 1, 300000 do s = s + i % 7 end
return s
