-- pattern errors and corner cases, as LuaJIT reports them
local function try(f, ...)
  local r = {pcall(f, ...)}
  if not r[1] then return "error: " .. tostring(r[2]):gsub("^[^:]*:%d+:? ", "") end
  for i = 2, #r do r[i] = tostring(r[i]) end
  return table.concat(r, " ", 2)
end
for _, p in ipairs{"%", "[a", "%f", "(", ")", "%1", "(()", "%b", "%bx", "[%", "[]", "[^]", "(a)%2", "%z", "[%a-z]", "[a-%%]", "[]]", "[^]]", "%B", "%Z"} do
  print(p, try(function() return string.find("abc]", p) end))
end
print(try(function() return string.gsub("abc", "(a)", "%2") end))
print(try(function() return string.gsub("abc", "a", "%x") end))
print(try(function() return #(string.gsub("abc", "a", "%")) end))
print(string.gsub("abc", "(a)(b)", "%2%1%0"), string.gsub("a b", "%s", "%%"), string.find("a\0b", "%z"), string.find("a\0b", "\0", 1, true))
print(string.gsub("abc", "", "/"), string.gsub("", "", "x"), string.gsub("abc", ".-", "#"), string.match("abc", ".-$"))
local s = string.rep("a", 300)
print(try(function() return string.find(s, string.rep("(a)", 33)) end))
print(try(function() return string.find(s, string.rep("a?", 300) .. "b") end))
print(string.gsub("hello", "(l)", function(x) return nil end), string.gsub("hello", "l", {}), string.gsub("abc", "%w", "%1"))
print(try(function() return string.gsub("abc", "(%w)", function() return {} end) end))
for a, b in string.gmatch("k1=v1;k2=v2", "(%w+)=(%w+)") do io.write(a, b, ",") end print()
for p in string.gmatch("abc", "()") do io.write(p, ",") end print()
for w in string.gmatch("^a^b", "^%a") do io.write(w, ",") end print()
print(string.find("abc", "b", 0), string.find("abc", "b", -10), string.find("abc", "^b"), string.find("aXb", "%u"), string.match("  a", "^%s*"), string.find("abc", "[b-]"))
print(string.match("x=1", "()=()"), string.find("abc", "(b)(c)"), string.match(123, "%d"), string.gsub(123, "2", 9))
print(string.find("a.b", "%."), string.find("a]b", "[]]"), string.find("a-b", "[a-]", 2), string.find("a^b", "[%^]"), string.find("^", "[^^]"))
print(string.gsub("hello world from lua", "(%w+) (%w+)", "%2 %1"), string.gsub("abc", "b*", "-"), string.gsub("aaa", "a", "b", 2))
print(string.gsub("x = 1, y = 22", "(%w+) = (%d+)", function(k, v) return v .. "=" .. k end))
print(string.match("  key:  value  ", "^%s*(%S+):%s*(.-)%s*$"), string.match("/api/users/42", "^/api/(%w+)/(%d+)$"))
print(string.gsub("one;two;;three", "([^;]*)", "<%1>"), string.find("abc", "c$"), string.find("a$c", "$c"), string.find("abc", "a", 1, false))
print(string.match("2024-01-05T10:20:30Z", "^(%d%d%d%d)-(%d%d)-(%d%d)T(%d%d):(%d%d):(%d%d)Z$"))
print(string.gsub("%d", "%%d", "x"), string.match("[[x]]", "%[%[(.*)%]%]"), string.gsub("a.b", "%.", "%%"), string.match("a\nb", "a.b"))
print(string.find("the end", "%f[%w]%w+$"), string.gsub("CamelCaseString", "%f[%u]", "_"), string.match("\200\201", "[\200-\255]+") == "\200\201")
print(string.gsub("abc", "%w", {a = "1", b = 2}), string.gsub("hello", ".", {h = "H", o = 0}), string.match("hello", "(h)(e)(l)(l)(o)"))
