-- Tries to leave the sandbox at load time.
local f = io.open("/tmp/holdspace-escaped", "w")
return { f = f }
