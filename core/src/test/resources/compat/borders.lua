-- # on tables built by constructors with nils, as LuaJIT: a constructor sizes the array part
-- for its items, a trailing ... or call for the values it brings (one slot more when it grows)
local X, N = 1, nil
print(#{nil, nil, 3}, #{nil, 2}, #{nil}, #{nil, nil}, #{1, 2, nil}, #{nil, nil, nil, 4})
print(#{X, N, X}, #{N, N, X}, #{X, N, N, X, N}, #{N, X, N, X, N, X}, #{X, X, X, N, X})
local function none() end
print(#{none(), none(), 3}, #{1, none()}, #{none(), 2})
-- assignment forms
local t = {} t[1] = 1 t[3] = 3 print(#t)
t = {} t[1] = 1 t[2] = 2 t[4] = 4 print(#t)
t = {} t[2] = 2 print(#t)
t = {X, X, X} t[5] = 5 print(#t)
t = {X, X, X} t[2] = nil print(#t)
t = {} for i = 1, 10 do t[i] = i end t[5] = nil print(#t)
t = {} for i = 1, 16 do t[i] = i end t[8] = nil print(#t)
t = {nil, nil, 3, n = 3} print(#t, t.n)
t = {[1] = 1, [2] = 2, [4] = 4} print(#t)
