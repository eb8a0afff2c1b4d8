#include "script/sandbox.hpp"

#include "script/lua_pattern.hpp"
#include "sim/rng.hpp"

#include <lua.hpp>

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

namespace holdspace::script {
namespace {

constexpr int hook_interval = 1000;        // instructions between budget checks
constexpr std::size_t bytes_per_work = 16; // allocating this many bytes costs one unit of work
constexpr std::size_t error_reserve = 1u << 20;  // room to raise the error once a limit is hit

// Registry keys (addresses of these are unique).
char snapshot_keys_key;
char snapshot_positions_key;

std::string location(const lua_Debug& ar) {
    if (ar.currentline <= 0) return {};
    return std::string(ar.short_src) + ":" + std::to_string(ar.currentline) + ": ";
}

// Location of the innermost scenario (Lua) frame on `L`, as "file:line: ".
std::string innermost_location(lua_State* L) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); ++level) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) return location(ar);
    }
    return {};
}

std::vector<std::string> scenario_frames(lua_State* L, int first_level) {
    std::vector<std::string> frames;
    lua_Debug ar;
    for (int level = first_level; lua_getstack(L, level, &ar) && frames.size() < 20; ++level) {
        lua_getinfo(L, "Sln", &ar);
        if (ar.currentline <= 0) continue;  // C functions: the host's, not the author's
        std::string frame = location(ar);
        if (*ar.what == 'm')
            frame += "in main chunk";
        else if (ar.name)
            frame += std::string("in function '") + ar.name + "'";
        else
            frame += "in function <" + std::string(ar.short_src) + ":" +
                     std::to_string(ar.linedefined) + ">";
        frames.push_back(std::move(frame));
    }
    return frames;
}

bool has_location(const std::string& msg) {
    // "file:12: ..." — a colon, digits, a colon.
    const auto colon = msg.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    std::size_t i = colon + 1;
    const std::size_t digits_start = i;
    while (i < msg.size() && msg[i] >= '0' && msg[i] <= '9') ++i;
    return i > digits_start && i < msg.size() && msg[i] == ':';
}

// The allocations the sandbox numbers (tostring and pairs show these numbers, never addresses).
bool numbered(const void* ptr, std::size_t osize) {
    return !ptr && (osize == LUA_TTABLE || osize == LUA_TFUNCTION || osize == LUA_TTHREAD || osize == LUA_TUSERDATA);
}

// ---- Compiled chunks ----
// Every session compiles its scenario in a fresh sandbox, and parsing the same text again was
// a fifth of a short playthrough. So the process keeps the compiled form of each text it has
// compiled (lua_dump with its debug information, so that file:line and names in errors are the
// same) and later sandboxes load that with mode "b". The only binary chunks ever loaded are
// these, made here from text: never bytecode from a scenario or from a file. A text is found
// by its exact bytes and its chunk name, not by a hash.
//
// The text is compiled in a scratch state of its own, not in a sandbox, so that every sandbox
// (the first one too) loads the same binary chunk and every session runs the same in every
// process. Whatever does not compile cleanly there (a syntax error, a text needing more memory
// than the sandbox allows) is left to the sandbox, which compiles the text itself as it always
// has: its errors read exactly as before.
struct CompiledChunk {
    std::string chunkname, source, binary;
    // What compiling the text in the sandbox costs it, charged again when the binary is
    // loaded: the objects it numbers and the work its allocations cost.
    std::uint64_t numbered_objects = 0;
    std::uint64_t work = 0;
};

class CompiledChunks {
public:
    std::shared_ptr<const CompiledChunk> find(std::string_view source, std::string_view chunkname) {
        const std::lock_guard lock(mutex_);
        for (const auto& c : chunks_)
            if (c->source.size() == source.size() && c->chunkname == chunkname &&
                std::memcmp(c->source.data(), source.data(), source.size()) == 0)
                return c;
        return nullptr;
    }

    void add(std::shared_ptr<const CompiledChunk> chunk) {
        const std::lock_guard lock(mutex_);
        for (const auto& c : chunks_)
            if (c->chunkname == chunk->chunkname && c->source == chunk->source) return;  // another thread's
        bytes_ += size_of(*chunk);
        chunks_.push_back(std::move(chunk));
        // Bounded, oldest first out (an author editing a scenario makes a new text each time).
        while (chunks_.size() > 1 && (chunks_.size() > max_chunks || bytes_ > max_bytes)) {
            bytes_ -= size_of(*chunks_.front());
            chunks_.pop_front();
        }
    }

private:
    static constexpr std::size_t max_chunks = 128;
    static constexpr std::size_t max_bytes = 64u << 20;
    static std::size_t size_of(const CompiledChunk& c) { return c.source.size() + c.binary.size() + c.chunkname.size(); }

    std::mutex mutex_;
    std::deque<std::shared_ptr<const CompiledChunk>> chunks_;
    std::size_t bytes_ = 0;
};

CompiledChunks& compiled_chunks() {
    static CompiledChunks chunks;
    return chunks;
}

// The scratch state's heap: capped like the sandbox's, and counting what the sandbox would.
struct ScratchHeap {
    std::size_t used = 0, cap = 0, max_string = 0;
    bool compiling = false;
    std::uint64_t numbered_objects = 0, work = 0;

    static void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
        auto* heap = static_cast<ScratchHeap*>(ud);
        if (nsize == 0) {
            if (ptr) {
                heap->used -= osize;
                std::free(ptr);
            }
            return nullptr;
        }
        const std::size_t old_size = ptr ? osize : 0;
        if (nsize > old_size) {
            if (heap->used - old_size + nsize > heap->cap) return nullptr;
            if (!ptr && osize == LUA_TSTRING && nsize > heap->max_string + 64) return nullptr;
            if (heap->compiling) heap->work += (nsize - old_size) / bytes_per_work;
        }
        void* result = std::realloc(ptr, nsize);
        if (!result) return nullptr;
        heap->used = heap->used - old_size + nsize;
        if (heap->compiling && numbered(ptr, osize)) ++heap->numbered_objects;
        return result;
    }
};

int append_to_string(lua_State*, const void* data, std::size_t size, void* out) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(data), size);
    return 0;
}

// Compiles `source` as text in a scratch state; null if it does not compile there.
std::shared_ptr<const CompiledChunk> compile(std::string_view source, const char* chunkname, const Limits& limits) {
    ScratchHeap heap;
    heap.cap = limits.memory_bytes;
    heap.max_string = limits.max_string_bytes;
    struct State {
        lua_State* L;
        ~State() {
            if (L) lua_close(L);
        }
    } scratch{lua_newstate(&ScratchHeap::allocate, &heap)};
    if (!scratch.L) return nullptr;
    heap.compiling = true;
    const int status = luaL_loadbufferx(scratch.L, source.data(), source.size(), chunkname, "t");
    heap.compiling = false;
    if (status != LUA_OK) return nullptr;
    auto chunk = std::make_shared<CompiledChunk>();
    if (lua_dump(scratch.L, append_to_string, &chunk->binary, 0) != 0) return nullptr;
    chunk->chunkname = chunkname;
    chunk->source = source;
    chunk->numbered_objects = heap.numbered_objects;
    chunk->work = heap.work;
    return chunk;
}

}  // namespace

// The standard-library replacements. A struct so they can reach Sandbox's privates.
struct SandboxLibrary {
    static Sandbox& sb(lua_State* L) { return Sandbox::of(L); }

    // ---- deterministic iteration ----
    struct Key {
        int kind;  // 0 number, 1 string, 2 boolean, 3 object
        bool is_int;
        lua_Integer i;
        double d;
        const char* s;
        std::size_t len;
        std::uint64_t id;
        int slot;  // index in the collected-keys table
    };

    static bool key_less(const Key& a, const Key& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        switch (a.kind) {
        case 0:
            if (a.is_int && b.is_int) return a.i < b.i;
            if (a.d != b.d) return a.d < b.d;
            return a.is_int && !b.is_int;
        case 1: {
            const int c = std::memcmp(a.s, b.s, std::min(a.len, b.len));
            return c != 0 ? c < 0 : a.len < b.len;
        }
        case 2: return a.i < b.i;
        default: return a.id < b.id;
        }
    }

    static std::uint64_t id_of(lua_State* L, int index) {
        const Sandbox& s = sb(L);
        if (lua_type(L, index) == LUA_TTHREAD) return s.object_id(lua_getextraspace(lua_tothread(L, index)));
        return s.object_id(lua_topointer(L, index));
    }

    // Builds the ordered key list of table `t` and stores it (keys, positions) in
    // the registry's weak snapshot tables. Leaves keys table on the stack.
    static void build_snapshot(lua_State* L, int t) {
        lua_newtable(L);  // collected keys, in raw (address-dependent) order
        const int collected = lua_gettop(L);
        std::vector<Key> keys;
        lua_pushnil(L);
        while (lua_next(L, t) != 0) {
            lua_pop(L, 1);
            Key k{};
            k.slot = static_cast<int>(keys.size()) + 1;
            switch (lua_type(L, -1)) {
            case LUA_TNUMBER:
                k.kind = 0;
                k.is_int = lua_isinteger(L, -1);
                k.i = k.is_int ? lua_tointeger(L, -1) : 0;
                k.d = lua_tonumber(L, -1);
                break;
            case LUA_TSTRING: k.kind = 1; k.s = lua_tolstring(L, -1, &k.len); break;
            case LUA_TBOOLEAN: k.kind = 2; k.i = lua_toboolean(L, -1); break;
            default: k.kind = 3; k.id = id_of(L, -1); break;
            }
            keys.push_back(k);
            lua_pushvalue(L, -1);
            lua_rawseti(L, collected, k.slot);  // anchors strings the Key points into
        }
        const auto n = keys.size();
        Sandbox::charge(L, n * 4 + 16);
        std::stable_sort(keys.begin(), keys.end(), key_less);

        lua_createtable(L, static_cast<int>(n), 0);  // ordered keys
        lua_createtable(L, 0, static_cast<int>(n));  // key -> position
        for (std::size_t i = 0; i < n; ++i) {
            lua_rawgeti(L, collected, keys[i].slot);
            lua_pushvalue(L, -1);
            lua_rawseti(L, -4, static_cast<lua_Integer>(i + 1));
            lua_pushinteger(L, static_cast<lua_Integer>(i + 1));
            lua_rawset(L, -3);
        }
        lua_rawgetp(L, LUA_REGISTRYINDEX, &snapshot_positions_key);
        lua_pushvalue(L, t);
        lua_pushvalue(L, -3);
        lua_rawset(L, -3);
        lua_pop(L, 2);  // registry table, positions
        lua_rawgetp(L, LUA_REGISTRYINDEX, &snapshot_keys_key);
        lua_pushvalue(L, t);
        lua_pushvalue(L, -3);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        lua_remove(L, collected);
    }

    static int l_next(lua_State* L) {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_settop(L, 2);
        lua_Integer position = 0;
        if (lua_isnil(L, 2)) {
            build_snapshot(L, 1);
        } else {
            lua_rawgetp(L, LUA_REGISTRYINDEX, &snapshot_positions_key);
            lua_pushvalue(L, 1);
            lua_rawget(L, -2);
            if (lua_isnil(L, -1)) return luaL_error(L, "invalid key to 'next'");
            lua_pushvalue(L, 2);
            lua_rawget(L, -2);
            if (!lua_isinteger(L, -1)) return luaL_error(L, "invalid key to 'next'");
            position = lua_tointeger(L, -1);
            lua_pop(L, 3);
            lua_rawgetp(L, LUA_REGISTRYINDEX, &snapshot_keys_key);
            lua_pushvalue(L, 1);
            lua_rawget(L, -2);
            lua_remove(L, -2);
        }
        const int keys = lua_gettop(L);
        const auto n = static_cast<lua_Integer>(lua_rawlen(L, keys));
        for (lua_Integer i = position + 1; i <= n; ++i) {
            lua_rawgeti(L, keys, i);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, 1) != LUA_TNIL) return 2;  // key, value
            lua_pop(L, 2);                               // removed during traversal
        }
        lua_pushnil(L);
        return 1;
    }

    static int l_pairs(lua_State* L) {
        luaL_checkany(L, 1);
        if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
            lua_pushvalue(L, 1);
            lua_call(L, 1, 3);
            return 3;
        }
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_pushvalue(L, lua_upvalueindex(1));  // next
        lua_pushvalue(L, 1);
        lua_pushnil(L);
        return 3;
    }

    // ---- output without addresses ----
    static int l_tostring(lua_State* L) {
        luaL_checkany(L, 1);
        std::size_t len = 0;
        Sandbox::to_display_string(L, 1, &len);
        return 1;
    }

    static int l_print(lua_State* L) {
        const int n = lua_gettop(L);
        std::string line;
        for (int i = 1; i <= n; ++i) {
            std::size_t len = 0;
            const char* s = Sandbox::to_display_string(L, i, &len);
            if (i > 1) line += '\t';
            line.append(s, len);
            lua_pop(L, 1);
        }
        if (sb(L).print_) sb(L).print_(line);
        return 0;
    }

    // ---- metatables ----
    static int l_setmetatable(lua_State* L) {
        luaL_checktype(L, 1, LUA_TTABLE);
        const int t = lua_type(L, 2);
        luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
        if (t == LUA_TTABLE) {
            if (lua_getfield(L, 2, "__gc") != LUA_TNIL)
                return luaL_error(L, "setmetatable: '__gc' finalizers are not allowed in scenarios");
            if (lua_getfield(L, 2, "__mode") != LUA_TNIL)
                return luaL_error(L, "setmetatable: weak tables ('__mode') are not allowed in scenarios "
                                     "(they would make runs depend on garbage collection)");
            lua_pop(L, 2);
        }
        if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
            return luaL_error(L, "cannot change a protected metatable");
        lua_settop(L, 2);
        lua_setmetatable(L, 1);
        return 1;
    }

    // ---- loading text ----
    static int l_load(lua_State* L) {
        const int has_env = !lua_isnone(L, 4);
        const char* mode = luaL_optstring(L, 3, "t");
        if (std::strchr(mode, 't') == nullptr) {
            luaL_pushfail(L);
            lua_pushliteral(L, "load: binary chunks are not allowed in scenarios");
            return 2;
        }
        std::string name = "=" + std::string(luaL_optstring(L, 2, "(load)"));
        lua_pushvalue(L, lua_upvalueindex(1));  // the real load
        lua_pushvalue(L, 1);
        lua_pushstring(L, name.c_str());
        lua_pushliteral(L, "t");
        if (has_env)
            lua_pushvalue(L, 4);
        else
            sb(L).push_globals(L);
        lua_call(L, 4, 2);
        return 2;
    }

    // ---- modules of the pack ----
    // require(name) runs the module once, as text, with the scenario's globals, and returns
    // what it returned; names are plain words so that no path can be smuggled in.
    static int l_require(lua_State* L) {
        const std::string name = luaL_checkstring(L, 1);
        const bool plain = !name.empty() && name.size() <= 64 && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                           std::all_of(name.begin(), name.end(), [](char c) {
                               return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                           });
        if (!plain)
            return luaL_error(L, "require: '%s' is not a module name (lower-case letters, digits and _)", name.c_str());
        static const char loaded_key = 0, loading = 0;
        if (lua_rawgetp(L, LUA_REGISTRYINDEX, &loaded_key) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_rawsetp(L, LUA_REGISTRYINDEX, &loaded_key);
        }
        const int loaded = lua_gettop(L);
        if (lua_getfield(L, loaded, name.c_str()) != LUA_TNIL) {
            if (lua_touserdata(L, -1) == &loading)
                return luaL_error(L, "require: module '%s' requires itself (through the modules it requires)", name.c_str());
            return 1;
        }
        lua_pop(L, 1);
        Sandbox& box = sb(L);
        std::string looked;
        std::optional<Sandbox::Module> module = box.find_module_ ? box.find_module_(name, looked) : std::nullopt;
        if (!module)
            return luaL_error(L, "require: no module '%s' (looked for %s)", name.c_str(),
                              looked.empty() ? "modules: none can be loaded here" : looked.c_str());
        Sandbox::charge(L, module->source.size());
        if (box.load_text(L, module->source, ("@" + module->path).c_str()) != LUA_OK)
            return luaL_error(L, "require: module '%s' (%s) does not load: %s", name.c_str(), module->path.c_str(),
                              lua_tostring(L, -1));
        box.modules_.push_back(*module);
        lua_pushlightuserdata(L, const_cast<char*>(&loading));
        lua_setfield(L, loaded, name.c_str());
        lua_pushstring(L, name.c_str());
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {  // forget the half-loaded module, then fail as it failed
            lua_pushnil(L);
            lua_setfield(L, loaded, name.c_str());
            return lua_error(L);
        }
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_pushboolean(L, 1);
        }
        lua_pushvalue(L, -1);
        lua_setfield(L, loaded, name.c_str());
        return 1;
    }

    // ---- randomness from the session ----
    static int l_random(lua_State* L) {
        Rng* rng = sb(L).rng();
        if (!rng)
            return luaL_error(L, "math.random is only available while the session runs "
                                 "(inside run(s) or on_action)");
        lua_Integer lo = 1, hi = 0;
        switch (lua_gettop(L)) {
        case 0: lua_pushnumber(L, rng->uniform()); return 1;
        case 1:
            hi = luaL_checkinteger(L, 1);
            if (hi == 0) {
                lua_pushinteger(L, static_cast<lua_Integer>(rng->next_u64()));
                return 1;
            }
            break;
        case 2:
            lo = luaL_checkinteger(L, 1);
            hi = luaL_checkinteger(L, 2);
            break;
        default: return luaL_error(L, "wrong number of arguments");
        }
        luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
        lua_pushinteger(L, rng->range(lo, hi));
        return 1;
    }

    static int l_randomseed(lua_State* L) {
        return luaL_error(L, "math.randomseed is not available: scenarios draw from the "
                             "session's seeded generator, so runs can be replayed");
    }

    // ---- library calls whose cost is charged to the budget ----
    static int call_original(lua_State* L) {
        const int n = lua_gettop(L);
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_insert(L, 1);
        lua_call(L, n, LUA_MULTRET);
        return lua_gettop(L);
    }

    static std::uint64_t span(lua_Integer from, lua_Integer to) {
        if (to < from) return 0;
        return static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from) + 1;
    }

    static int l_format(lua_State* L) {
        std::size_t len = 0;
        const char* fmt = luaL_checklstring(L, 1, &len);
        for (std::size_t i = 0; i + 1 < len; ++i) {
            if (fmt[i] != '%') continue;
            std::size_t j = i + 1;
            while (j < len && std::strchr("-+ #0123456789.", fmt[j])) ++j;
            if (j < len && fmt[j] == 'p')
                return luaL_error(L, "string.format: '%%p' is not available in scenarios "
                                     "(it shows a memory address, which differs between runs)");
            i = j;
        }
        // Tables, functions and coroutines print as sequence numbers, not addresses.
        for (int arg = 2; arg <= lua_gettop(L); ++arg) {
            const int t = lua_type(L, arg);
            if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA ||
                t == LUA_TLIGHTUSERDATA) {
                std::size_t n = 0;
                Sandbox::to_display_string(L, arg, &n);
                lua_replace(L, arg);
            }
        }
        return call_original(L);
    }

    static int l_rep(lua_State* L) {
        std::size_t len = 0, sep_len = 0;
        luaL_checklstring(L, 1, &len);
        const lua_Integer n = luaL_checkinteger(L, 2);
        luaL_optlstring(L, 3, "", &sep_len);
        if (n > 0) {
            const auto count = static_cast<std::uint64_t>(n);
            const std::uint64_t bytes = len + sep_len;
            // One unit per repetition (the loop runs even for empty strings) plus the copying.
            Sandbox::charge(L, count);
            if (bytes > 0 && count > std::numeric_limits<std::uint64_t>::max() / bytes)
                return luaL_error(L, "resulting string too large");
            Sandbox::charge(L, count * bytes / bytes_per_work);
        }
        return call_original(L);
    }

    static int l_move(lua_State* L) {
        Sandbox::charge(L, span(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3)));
        return call_original(L);
    }

    static int l_concat(lua_State* L) {
        luaL_checkany(L, 1);
        const lua_Integer first = luaL_optinteger(L, 3, 1);
        const lua_Integer last = lua_isnoneornil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4);
        Sandbox::charge(L, span(first, last));
        return call_original(L);
    }

    static int l_unpack(lua_State* L) {
        const lua_Integer first = luaL_optinteger(L, 2, 1);
        const lua_Integer last = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
        Sandbox::charge(L, span(first, last));
        return call_original(L);
    }

    // table.insert and table.remove, written here so that the length they charge
    // for is the length they loop over (__len is asked once).
    static int l_insert(lua_State* L) {
        luaL_checkany(L, 1);
        const lua_Integer first_empty = luaL_len(L, 1) + 1;
        lua_Integer pos = first_empty;
        switch (lua_gettop(L)) {
        case 2: break;
        case 3:
            pos = luaL_checkinteger(L, 2);
            luaL_argcheck(L, static_cast<lua_Unsigned>(pos) - 1u < static_cast<lua_Unsigned>(first_empty), 2,
                          "position out of bounds");
            Sandbox::charge(L, span(pos, first_empty));
            for (lua_Integer i = first_empty; i > pos; --i) {
                lua_geti(L, 1, i - 1);
                lua_seti(L, 1, i);
            }
            break;
        default: return luaL_error(L, "wrong number of arguments to 'insert'");
        }
        lua_seti(L, 1, pos);
        return 0;
    }

    static int l_remove(lua_State* L) {
        luaL_checkany(L, 1);
        const lua_Integer size = luaL_len(L, 1);
        lua_Integer pos = luaL_optinteger(L, 2, size);
        if (pos != size)
            luaL_argcheck(L, static_cast<lua_Unsigned>(pos) - 1u <= static_cast<lua_Unsigned>(size), 2,
                          "position out of bounds");
        Sandbox::charge(L, span(pos, size) + 1);
        lua_geti(L, 1, pos);
        for (; pos < size; ++pos) {
            lua_geti(L, 1, pos + 1);
            lua_seti(L, 1, pos);
        }
        lua_pushnil(L);
        lua_seti(L, 1, pos);
        return 1;
    }

    // A stable merge sort: the same input always gives the same order, whatever the
    // comparison function does (the built-in sort picks pivots from the clock).
    static int l_sort(lua_State* L) {
        luaL_checktype(L, 1, LUA_TTABLE);
        const lua_Integer n = luaL_len(L, 1);
        if (n < 2) return 0;
        luaL_argcheck(L, n < std::numeric_limits<int>::max() / 2, 1, "array too big");
        const bool has_less = !lua_isnoneornil(L, 2);
        if (has_less) luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_settop(L, 2);
        const auto count = static_cast<std::size_t>(n);
        Sandbox::charge(L, count * 2);

        lua_createtable(L, static_cast<int>(n), 0);  // 3: the values, by original position
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, 1, i);
            lua_rawseti(L, 3, i);
        }
        auto less = [&](lua_Integer a, lua_Integer b) {
            Sandbox::charge(L, 2);
            if (has_less) {
                lua_pushvalue(L, 2);
                lua_rawgeti(L, 3, a);
                lua_rawgeti(L, 3, b);
                lua_call(L, 2, 1);
            } else {
                lua_rawgeti(L, 3, a);
                lua_rawgeti(L, 3, b);
                // Comparing two strings reads their common length: charged like copying it, so
                // sorting many long strings meets the budget instead of running for minutes.
                if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING) {
                    std::size_t la = 0, lb = 0;
                    lua_tolstring(L, -2, &la);
                    lua_tolstring(L, -1, &lb);
                    Sandbox::charge(L, std::min(la, lb) / bytes_per_work);
                }
                lua_pushboolean(L, lua_compare(L, -2, -1, LUA_OPLT));
                lua_remove(L, -2);
                lua_remove(L, -2);
            }
            const bool result = lua_toboolean(L, -1);
            lua_pop(L, 1);
            return result;
        };
        std::vector<lua_Integer> order(count), scratch(count);
        for (std::size_t i = 0; i < count; ++i) order[i] = static_cast<lua_Integer>(i + 1);
        for (std::size_t width = 1; width < count; width *= 2) {
            for (std::size_t lo = 0; lo < count; lo += 2 * width) {
                const std::size_t mid = std::min(lo + width, count), hi = std::min(lo + 2 * width, count);
                std::size_t a = lo, b = mid, out = lo;
                while (a < mid && b < hi) scratch[out++] = less(order[b], order[a]) ? order[b++] : order[a++];
                while (a < mid) scratch[out++] = order[a++];
                while (b < hi) scratch[out++] = order[b++];
            }
            order.swap(scratch);
        }
        for (std::size_t i = 0; i < count; ++i) {
            lua_rawgeti(L, 3, order[i]);
            lua_seti(L, 1, static_cast<lua_Integer>(i + 1));
        }
        return 0;
    }

    // Calls `fn` registered with the original as upvalue 1.
    static void wrap_field(lua_State* L, int table, const char* name, lua_CFunction fn) {
        lua_getfield(L, table, name);
        lua_pushcclosure(L, fn, 1);
        lua_setfield(L, table, name);
    }

    static void set_closure(lua_State* L, int table, const char* name, lua_CFunction fn) {
        lua_pushboolean(L, 1);  // an upvalue makes it a collectable closure with a stable id
        lua_pushcclosure(L, fn, 1);
        lua_setfield(L, table, name);
    }
};

// ---------------------------------------------------------------------------

Sandbox::Sandbox(Limits limits, bool restorable) : limits_(limits) {
    if (restorable) heap_.reserve_arena();  // without one (no address space) it is an ordinary sandbox
    L_ = lua_newstate(&Sandbox::allocate, this);
    if (!L_) throw std::bad_alloc();
    *static_cast<Sandbox**>(lua_getextraspace(L_)) = this;
    lua_sethook(L_, &Sandbox::count_hook, LUA_MASKCOUNT, hook_interval);
    begin_entry();
    install_library();
}

Sandbox::~Sandbox() {
    if (!L_) return;
    closing_ = true;  // any Lua that would run now (pending to-be-closed values) stops at once
    lua_close(L_);
}

Sandbox& Sandbox::of(lua_State* L) { return **static_cast<Sandbox**>(lua_getextraspace(L)); }

// The host's side of a snapshot: everything of the Sandbox a session can change.
struct Sandbox::Frozen {
    std::size_t memory_used = 0;
    std::uint64_t work_used = 0, next_object_id = 0;
    ObjectIds object_ids;
    std::vector<Module> modules;
    std::string fallback_location;
};

bool Sandbox::freeze() {
    if (frozen_ || closing_ || violation_ != Violation::none || !heap_.freeze()) return false;
    frozen_ = std::make_unique<Frozen>();
    frozen_->memory_used = memory_used_;
    frozen_->work_used = work_used_;
    frozen_->next_object_id = next_object_id_;
    object_ids_.freeze_into(frozen_->object_ids);
    frozen_->modules = modules_;
    frozen_->fallback_location = fallback_location;
    return true;
}

void Sandbox::restore() {
    if (!frozen_) return;
    heap_.restore();
    memory_used_ = frozen_->memory_used;
    work_used_ = frozen_->work_used;
    next_object_id_ = frozen_->next_object_id;
    object_ids_.clear();
    modules_ = frozen_->modules;
    fallback_location = frozen_->fallback_location;
    violation_ = Violation::none;
    violation_where_.clear();
    coroutine_depth_ = 0;
    yield_expected = false;
    session = nullptr;
    run_thread = nullptr;
    rng_ = nullptr;
    print_ = nullptr;
}

namespace {

constexpr std::size_t slab_bytes = 64u << 10;
constexpr std::size_t largest_pooled = 2048;
constexpr std::size_t spare_slabs_kept = 32;  // per thread: 2 MiB

// AddressSanitizer (the checked build) sees every block only if each is its own malloc.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool pooling = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool pooling = false;
#else
constexpr bool pooling = true;
#endif
#else
constexpr bool pooling = true;
#endif

// Blocks of 16 to 256 bytes in steps of 16, then to 2 KiB in steps of 128; -1 for larger.
int size_class(std::size_t size) {
    if (!pooling) return -1;
    if (size <= 256) return static_cast<int>((size + 15) / 16) - 1;
    if (size <= largest_pooled) return 15 + static_cast<int>((size - 256 + 127) / 128);
    return -1;
}

std::size_t class_bytes(int size_class) {
    return size_class < 16 ? static_cast<std::size_t>(size_class + 1) * 16
                           : 256 + static_cast<std::size_t>(size_class - 15) * 128;
}

// Slabs of sandboxes that have closed, for the next one this thread makes. A sandbox that
// closes after the thread's spares are gone (a static one, at exit) frees its slabs.
thread_local bool spares_gone = false;
struct SpareSlabs {
    std::vector<void*> slabs;
    ~SpareSlabs() {
        spares_gone = true;
        for (void* slab : slabs) std::free(slab);
    }
};
thread_local SpareSlabs spare_slabs;

}  // namespace

// ---- Snapshots ----
// Loading a scenario into a fresh sandbox (a Lua state, its library, the scenario's chunk run)
// was most of a short playthrough, yet every session of a scenario starts from the same state.
// A restorable sandbox takes all its memory from an arena of its own until the scenario is
// loaded; freeze() then copies the arena, and restore() copies it back in place: the same
// bytes at the same addresses, so every pointer inside the state is right again, and the
// host's side (counts, object numbers, modules) is put back with it. Nothing in the state
// points outside it but to the Sandbox (which stays where it is) and to the program's own
// functions and constants. A restored sandbox therefore is, byte for byte, the one that
// loaded the scenario, which is what a fresh sandbox loading it again would be (loading is
// deterministic; tests/script/test_snapshot.cpp checks the sessions are the same).
namespace {
constexpr std::size_t arena_bytes = 16u << 20;  // reserved address space; pages are used as touched
}  // namespace

Sandbox::Heap::~Heap() {
    for (void* slab : slabs_) {
        if (!spares_gone && spare_slabs.slabs.size() < spare_slabs_kept)
            spare_slabs.slabs.push_back(slab);
        else
            std::free(slab);
    }
    for (void* block : outside_) std::free(block);
    if (arena_) ::munmap(arena_, arena_bytes);
}

bool Sandbox::Heap::reserve_arena() {
    void* p = ::mmap(nullptr, arena_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return false;
    arena_ = top_ = static_cast<char*>(p);
    arena_end_ = arena_ + arena_bytes;
    return true;
}

// From the arena while it is filling (16-byte aligned, as malloc's); null when it is full.
void* Sandbox::Heap::bump(std::size_t bytes) {
    bytes = (bytes + 15) & ~std::size_t{15};
    if (static_cast<std::size_t>(arena_end_ - top_) < bytes) {
        overflowed_ = true;
        return nullptr;
    }
    void* block = top_;
    top_ += bytes;
    return block;
}

// A block too large for the size classes (or any block, without pooling).
void* Sandbox::Heap::outside(std::size_t size) {
    if (arena_usable() && !frozen_)
        if (void* block = bump(size)) return block;
    void* block = std::malloc(size);
    if (block && frozen_) outside_.insert(block);
    return block;
}

void* Sandbox::Heap::carve(int size_class) {
    const std::size_t bytes = class_bytes(size_class);
    if (static_cast<std::size_t>(end_ - next_) < bytes) {
        void* slab = nullptr;
        if (arena_usable() && !frozen_) slab = bump(slab_bytes);
        if (slab) {
            // kept in the arena: not one of slabs_
        } else if (!spares_gone && !spare_slabs.slabs.empty()) {
            slab = spare_slabs.slabs.back();
            spare_slabs.slabs.pop_back();
            slabs_.push_back(slab);
        } else {
            slab = std::malloc(slab_bytes);
            if (!slab) return nullptr;
            slabs_.push_back(slab);
        }
        next_ = static_cast<char*>(slab);
        end_ = next_ + slab_bytes;
    }
    void* block = next_;
    next_ += bytes;
    return block;
}

void* Sandbox::Heap::allocate(std::size_t size) {
    const int c = size_class(size);
    if (c < 0) return outside(size);
    if (void* block = free_[c]) {
        free_[c] = *static_cast<void**>(block);
        return block;
    }
    return carve(c);
}

void Sandbox::Heap::release(void* ptr, std::size_t size) {
    const int c = size_class(size);
    if (c < 0) {
        if (in_arena(ptr)) return;  // its room comes back when the arena is restored
        if (frozen_) outside_.erase(ptr);
        std::free(ptr);
        return;
    }
    *static_cast<void**>(ptr) = free_[c];
    free_[c] = ptr;
}

void* Sandbox::Heap::reallocate(void* ptr, std::size_t old_size, std::size_t new_size) {
    if (!ptr) return allocate(new_size);
    const int from = size_class(old_size), to = size_class(new_size);
    if (from < 0 && to < 0 && !in_arena(ptr) && !(arena_usable() && !frozen_)) {
        void* block = std::realloc(ptr, new_size);
        if (block && frozen_ && block != ptr) {
            outside_.erase(ptr);
            outside_.insert(block);
        }
        return block;
    }
    if (from == to && from >= 0) return ptr;
    void* block = allocate(new_size);
    if (!block) return nullptr;
    std::memcpy(block, ptr, std::min(old_size, new_size));
    release(ptr, old_size);
    return block;
}

bool Sandbox::Heap::freeze() {
    if (!arena_usable() || frozen_ || !slabs_.empty()) return false;
    Image& im = image_;
    // The open slab's unused end holds nothing yet: it need not be copied.
    const bool open_slab_in_arena = next_ && in_arena(next_) && end_ <= top_;
    im.gap_from = open_slab_in_arena ? static_cast<std::size_t>(next_ - arena_) : 0;
    im.gap_to = open_slab_in_arena ? static_cast<std::size_t>(end_ - arena_) : 0;
    const auto used = static_cast<std::size_t>(top_ - arena_);
    im.bytes.resize(used - (im.gap_to - im.gap_from));
    std::memcpy(im.bytes.data(), arena_, im.gap_from);
    std::memcpy(im.bytes.data() + im.gap_from, arena_ + im.gap_to, used - im.gap_to);
    std::copy(std::begin(free_), std::end(free_), std::begin(im.free));
    im.next = next_;
    im.end = end_;
    im.top = top_;
    frozen_ = true;
    return true;
}

void Sandbox::Heap::restore() {
    for (void* block : outside_) std::free(block);
    outside_.clear();
    for (void* slab : slabs_) {
        if (!spares_gone && spare_slabs.slabs.size() < spare_slabs_kept)
            spare_slabs.slabs.push_back(slab);
        else
            std::free(slab);
    }
    slabs_.clear();
    const Image& im = image_;
    const std::size_t used = static_cast<std::size_t>(im.top - arena_);
    std::memcpy(arena_, im.bytes.data(), im.gap_from);
    std::memcpy(arena_ + im.gap_to, im.bytes.data() + im.gap_from, used - im.gap_to);
    std::copy(std::begin(im.free), std::end(im.free), std::begin(free_));
    next_ = im.next;
    end_ = im.end;
    top_ = im.top;
}

void* Sandbox::allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
    auto* sb = static_cast<Sandbox*>(ud);
    if (nsize == 0) {
        if (ptr) {
            if (!sb->closing_) {  // (closing, everything goes: no numbers or counts to keep)
                sb->memory_used_ -= osize;
                sb->object_ids_.erase(ptr);
            }
            sb->heap_.release(ptr, osize);
        }
        return nullptr;
    }
    const std::size_t old_size = ptr ? osize : 0;
    if (nsize > old_size && !sb->closing_) {
        const std::size_t cap = sb->limits_.memory_bytes + (sb->violation_ != Violation::none ? error_reserve : 0);
        if (sb->memory_used_ - old_size + nsize > cap) {
            if (sb->violation_ == Violation::none) sb->violation_ = Violation::memory;
            return nullptr;
        }
        if (!ptr && osize == LUA_TSTRING && nsize > sb->limits_.max_string_bytes + 64) {
            if (sb->violation_ == Violation::none) sb->violation_ = Violation::string_size;
            return nullptr;
        }
        // Building data costs work too: this is what meters concatenation and friends.
        sb->work_used_ += (nsize - old_size) / bytes_per_work;
    }
    void* result = sb->heap_.reallocate(ptr, old_size, nsize);
    if (!result) return nullptr;
    sb->memory_used_ = sb->memory_used_ - old_size + nsize;
    if (numbered(ptr, osize)) sb->object_ids_.insert(result, ++sb->next_object_id_);
    return result;
}

void Sandbox::count_hook(lua_State* L, lua_Debug* ar) {
    Sandbox& sb = of(L);
    if (sb.violation_ == Violation::none && !sb.closing_) {
        sb.work_used_ += hook_interval;
        if (sb.work_used_ > sb.limits_.work_per_entry)
            sb.violation_ = Violation::work;
        else if (std::chrono::steady_clock::now() > sb.entry_deadline_)
            sb.violation_ = Violation::time;
        else
            return;
        lua_getinfo(L, "Sl", ar);
        sb.violation_where_ = location(*ar);
    }
    // From now on every instruction raises the error again, so no pcall can swallow it.
    lua_sethook(L, &Sandbox::count_hook, LUA_MASKCOUNT, 1);
    violation_error(L);
}

// Library code charges its work here, and here the time limit is checked as well as in the
// count hook: a loop inside a C function (table.sort's, a pattern match's) never reaches the
// hook, so without this check one library call could run far past the entry's deadline.
void Sandbox::charge(lua_State* L, std::uint64_t work) {
    Sandbox& sb = of(L);
    if (sb.violation_ == Violation::none) {
        sb.work_used_ += work;
        if (sb.work_used_ > sb.limits_.work_per_entry)
            sb.violation_ = Violation::work;
        else if (std::chrono::steady_clock::now() > sb.entry_deadline_)
            sb.violation_ = Violation::time;
        else
            return;
        sb.violation_where_ = innermost_location(L);
    }
    violation_error(L);
}

int Sandbox::violation_error(lua_State* L) {
    const std::string message = of(L).violation_message(L);
    lua_pushlstring(L, message.data(), message.size());
    return lua_error(L);
}

std::string Sandbox::where(lua_State* L) { return innermost_location(L); }

std::string Sandbox::violation_message(lua_State* L) const {
    std::string where = violation_where_.empty() ? innermost_location(L) : violation_where_;
    switch (violation_) {
    case Violation::work:
        return where + "instruction limit: the scenario ran more than " +
               std::to_string(limits_.work_per_entry) +
               " steps without pausing for the trainee (an endless loop?)";
    case Violation::memory:
        return where + "memory limit: the scenario used more than " +
               std::to_string(limits_.memory_bytes >> 20) + " MiB";
    case Violation::string_size:
        return where + "string too long: scenarios may not build strings over " +
               std::to_string(limits_.max_string_bytes >> 10) + " KiB";
    case Violation::time:
        return where + "time limit: one step of the scenario ran longer than " +
               std::to_string(limits_.time_per_entry.count()) + " ms";
    case Violation::none: break;
    }
    return where + "sandbox limit";
}

int Sandbox::finish_pcall(lua_State* L, int status, lua_KContext extra) {
    if (of(L).violation_ != Violation::none) return violation_error(L);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - static_cast<int>(extra);
}

int Sandbox::l_pcall(lua_State* L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    const int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

// A limit raised inside the count hook leaves hooks off while the error is being
// thrown, so the scenario's message handler would run unmetered: once a limit is
// hit, the handler is skipped.
int Sandbox::l_guarded_handler(lua_State* L) {
    if (of(L).violation_ != Violation::none) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

int Sandbox::l_xpcall(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, l_guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);  // handler, true, f, args...
    const int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
    return finish_pcall(L, status, 2);
}

// coroutine.resume and coroutine.close report errors as values; a sandbox
// limit must not be one of them.
int Sandbox::l_coroutine_passthrough(lua_State* L) {
    Sandbox& sb = of(L);
    // The coroutine running run(s) belongs to the session: resuming it from
    // scenario code would answer a choice the trainee never made.
    if (lua_type(L, 1) == LUA_TTHREAD && lua_tothread(L, 1) == sb.run_thread)
        return luaL_error(L, "the session's own coroutine cannot be resumed or closed by the scenario");
    // A coroutine stopped by a limit still has hooks off: closing it would run its
    // to-be-closed handlers unmetered.
    if (sb.violation_ != Violation::none) return violation_error(L);
    // Nested closes recurse in C without Lua's depth check (Lua 5.4.4).
    struct Depth {
        int& d;
        explicit Depth(int& depth) : d(depth) { ++d; }
        ~Depth() { --d; }
    } depth(sb.coroutine_depth_);
    if (sb.coroutine_depth_ > 100) return luaL_error(L, "coroutines nested too deeply");
    SandboxLibrary::call_original(L);
    if (sb.violation_ != Violation::none) return violation_error(L);
    return lua_gettop(L);
}

// coroutine.wrap, written here so that a coroutine stopped by a limit is never
// closed (see above) and errors keep their location.
int Sandbox::l_wrap(lua_State* L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State* co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, l_wrapped, 1);
    return 1;
}

int Sandbox::l_wrapped(lua_State* L) {
    Sandbox& sb = of(L);
    lua_State* co = lua_tothread(L, lua_upvalueindex(1));
    const int nargs = lua_gettop(L);
    if (!lua_checkstack(co, nargs)) return luaL_error(L, "too many arguments to resume");
    lua_xmove(L, co, nargs);
    int nresults = 0;
    const int status = lua_resume(co, L, nargs, &nresults);
    if (sb.violation_ != Violation::none) return violation_error(L);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nresults + 1)) {
            lua_pop(co, nresults);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, nresults);
        return nresults;
    }
    lua_xmove(co, L, 1);  // the error
    if (lua_resetthread(co) != LUA_OK) {  // close its to-be-closed values (metered: hooks are on)
        lua_pop(L, 1);
        lua_xmove(co, L, 1);
    }
    if (sb.violation_ != Violation::none) return violation_error(L);
    return lua_error(L);
}

void Sandbox::begin_entry() {
    work_used_ = 0;
    entry_deadline_ = std::chrono::steady_clock::now() + limits_.time_per_entry;
}

const char* Sandbox::to_display_string(lua_State* L, int index, std::size_t* len) {
    index = lua_absindex(L, index);
    if (luaL_callmeta(L, index, "__tostring")) {
        if (!lua_isstring(L, -1)) luaL_error(L, "'__tostring' must return a string");
        return lua_tolstring(L, -1, len);
    }
    switch (lua_type(L, index)) {
    case LUA_TTABLE:
    case LUA_TFUNCTION:
    case LUA_TTHREAD:
    case LUA_TUSERDATA:
    case LUA_TLIGHTUSERDATA: {
        const std::string s = std::string(luaL_typename(L, index)) + ": #" +
                              std::to_string(SandboxLibrary::id_of(L, index));
        lua_pushlstring(L, s.data(), s.size());
        return lua_tolstring(L, -1, len);
    }
    default: return luaL_tolstring(L, index, len);
    }
}

// The library's C functions without upvalues, in the order they are numbered.
struct Sandbox::Builtins {
    std::vector<std::pair<const void*, std::uint64_t>> by_address;  // sorted; offset from builtin_ids_from_
    std::uint64_t count = 0;
};

std::uint64_t Sandbox::object_id(const void* p) const {
    if (const std::uint64_t id = object_ids_.find(p)) return id;
    if (builtins_) {
        const auto& list = builtins_->by_address;
        const auto it = std::lower_bound(list.begin(), list.end(), p,
                                         [](const auto& entry, const void* key) { return entry.first < key; });
        if (it != list.end() && it->first == p) return builtin_ids_from_ + it->second;
    }
    return 0;
}

// Open addressing with linear probing; a free slot's key is null (never an allocation).
std::size_t Sandbox::ObjectIds::slot_of(const void* p) const {
    return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(p) >> 4) * 0x9e3779b97f4a7c15ULL >> shift_);
}

void Sandbox::ObjectIds::freeze_into(ObjectIds& frozen) {
    frozen.slots_ = std::move(slots_);
    frozen.count_ = count_;
    frozen.shift_ = shift_;
    frozen.base_ = base_;
    slots_.clear();
    count_ = 0;
    shift_ = 64;
    base_ = &frozen;
}

void Sandbox::ObjectIds::clear() {
    if (count_ == 0) return;
    for (Slot& s : slots_) s.key = nullptr;
    count_ = 0;
}

const Sandbox::ObjectIds::Slot* Sandbox::ObjectIds::own(const void* p) const {
    if (count_ == 0) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = slot_of(p);; i = (i + 1) & mask) {
        if (slots_[i].key == p) return &slots_[i];
        if (!slots_[i].key) return nullptr;
    }
}

std::uint64_t Sandbox::ObjectIds::find(const void* p) const {
    if (!p) return 0;
    if (const Slot* s = own(p)) return s->id;
    return base_ ? base_->find(p) : 0;
}

void Sandbox::ObjectIds::insert(const void* p, std::uint64_t id) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot_of(p);
    while (slots_[i].key && slots_[i].key != p) i = (i + 1) & mask;
    if (!slots_[i].key) ++count_;
    slots_[i] = {p, id};
}

void Sandbox::ObjectIds::erase(const void* p) {
    if (base_ && base_->find(p)) {  // a frozen object: held here as freed
        insert(p, 0);
        return;
    }
    if (count_ == 0) return;
    const std::size_t mask = slots_.size() - 1;
    std::size_t hole = slot_of(p);
    while (slots_[hole].key != p) {
        if (!slots_[hole].key) return;
        hole = (hole + 1) & mask;
    }
    // Move back the entries after it that would otherwise no longer be found.
    for (std::size_t j = (hole + 1) & mask; slots_[j].key; j = (j + 1) & mask) {
        const std::size_t home = slot_of(slots_[j].key);
        if (((j - home) & mask) >= ((j - hole) & mask)) {
            slots_[hole] = slots_[j];
            hole = j;
        }
    }
    slots_[hole].key = nullptr;
    --count_;
}

namespace {
constexpr std::size_t first_id_table_size = 1024;
}  // namespace

std::vector<Sandbox::ObjectIds::Slot>* Sandbox::ObjectIds::spare() {
    struct Table {
        std::vector<Slot> slots;
        ~Table() { spares_gone = true; }
    };
    if (spares_gone) return nullptr;
    thread_local Table table;
    return &table.slots;
}

// The next sandbox on this thread takes over the table (making and freeing one cost more
// than clearing it).
Sandbox::ObjectIds::~ObjectIds() {
    auto* table = spare();
    if (slots_.size() != first_id_table_size || !table || !table->empty()) return;
    if (count_ != 0)
        for (Slot& s : slots_) s.key = nullptr;
    *table = std::move(slots_);
}

void Sandbox::ObjectIds::grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t size = old.empty() ? first_id_table_size : old.size() * 2;
    auto* table = old.empty() ? spare() : nullptr;
    if (table && table->size() == size) {
        slots_ = std::move(*table);
        table->clear();
    } else {
        slots_.assign(size, Slot{nullptr, 0});
    }
    shift_ = 64 - std::countr_zero(size);
    count_ = 0;
    for (const Slot& s : old)
        if (s.key) insert(s.key, s.id);
}

void Sandbox::push_globals(lua_State* L) { lua_rawgeti(L, LUA_REGISTRYINDEX, globals_ref_); }

void Sandbox::install_library() {
    lua_State* L = L_;
    using Lib = SandboxLibrary;
    // Only these libraries are opened at all: no io, os, debug or package.
    luaL_requiref(L, "_G", luaopen_base, 0);
    const int base = lua_gettop(L);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    const int string = lua_gettop(L);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    const int table = lua_gettop(L);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    const int math = lua_gettop(L);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    const int utf8 = lua_gettop(L);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 0);
    const int coroutine = lua_gettop(L);

    lua_newtable(L);  // the sandbox's globals
    const int env = lua_gettop(L);
    for (const char* name : {"assert", "error", "ipairs", "select", "tonumber", "type", "rawequal",
                             "rawget", "rawset", "rawlen", "getmetatable", "_VERSION"}) {
        lua_getfield(L, base, name);
        lua_setfield(L, env, name);
    }
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    Lib::set_closure(L, env, "next", Lib::l_next);
    lua_getfield(L, env, "next");
    lua_pushcclosure(L, Lib::l_pairs, 1);
    lua_setfield(L, env, "pairs");
    Lib::set_closure(L, env, "tostring", Lib::l_tostring);
    Lib::set_closure(L, env, "print", Lib::l_print);
    Lib::set_closure(L, env, "setmetatable", Lib::l_setmetatable);
    Lib::set_closure(L, env, "pcall", l_pcall);
    Lib::set_closure(L, env, "xpcall", l_xpcall);
    Lib::set_closure(L, env, "require", Lib::l_require);
    lua_getfield(L, base, "load");
    lua_pushcclosure(L, Lib::l_load, 1);
    lua_setfield(L, env, "load");

    // string: the same table strings use as methods ("x"):rep(...), so wrap it in place.
    lua_pushnil(L);
    lua_setfield(L, string, "dump");
    Lib::wrap_field(L, string, "format", Lib::l_format);
    Lib::wrap_field(L, string, "rep", Lib::l_rep);
    install_metered_patterns(L, string, &Sandbox::charge);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    Lib::wrap_field(L, table, "move", Lib::l_move);
    Lib::wrap_field(L, table, "concat", Lib::l_concat);
    Lib::wrap_field(L, table, "unpack", Lib::l_unpack);
    Lib::set_closure(L, table, "insert", Lib::l_insert);
    Lib::set_closure(L, table, "remove", Lib::l_remove);
    Lib::set_closure(L, table, "sort", Lib::l_sort);

    Lib::set_closure(L, math, "random", Lib::l_random);
    Lib::set_closure(L, math, "randomseed", Lib::l_randomseed);

    Lib::wrap_field(L, coroutine, "resume", l_coroutine_passthrough);
    Lib::wrap_field(L, coroutine, "close", l_coroutine_passthrough);
    Lib::set_closure(L, coroutine, "wrap", l_wrap);

    for (auto [index, name] : {std::pair{string, "string"}, {table, "table"}, {math, "math"},
                               {utf8, "utf8"}, {coroutine, "coroutine"}}) {
        lua_pushvalue(L, index);
        lua_setfield(L, env, name);
    }

    // Weak-keyed caches of iteration order (host tables, not visible to scenarios).
    for (void* key : {static_cast<void*>(&snapshot_keys_key), static_cast<void*>(&snapshot_positions_key)}) {
        lua_newtable(L);
        lua_newtable(L);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_rawsetp(L, LUA_REGISTRYINDEX, key);
    }

    // The sandbox's table becomes the state's only globals: the original one (with
    // dofile, loadfile, collectgarbage...) is unreachable from here on.
    lua_pushvalue(L, env);
    lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushvalue(L, env);
    globals_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, 0);
    number_builtin_functions();
}

// Built-in C functions have no allocation the allocator could number; give them
// ids in name order so they sort and print the same in every process. They are the
// same functions in every sandbox, so the order is worked out once, by the first.
void Sandbox::number_builtin_functions() {
    static const Builtins builtins = [this] {
        lua_State* L = L_;
        std::vector<const void*> order;
        push_globals(L);
        std::vector<std::string> names;
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING) names.emplace_back(lua_tostring(L, -2));
            lua_pop(L, 1);
        }
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            lua_getfield(L, -1, name.c_str());
            std::vector<std::pair<std::string, const void*>> functions;
            if (lua_istable(L, -1)) {
                lua_pushnil(L);
                while (lua_next(L, -2)) {
                    if (lua_type(L, -2) == LUA_TSTRING && lua_iscfunction(L, -1))
                        functions.emplace_back(lua_tostring(L, -2), lua_topointer(L, -1));
                    lua_pop(L, 1);
                }
            } else if (lua_iscfunction(L, -1)) {
                functions.emplace_back("", lua_topointer(L, -1));
            }
            std::sort(functions.begin(), functions.end());
            // Closures are allocations and numbered already; the rest are the same in every state.
            for (const auto& [unused, p] : functions)
                if (!object_ids_.find(p) && std::find(order.begin(), order.end(), p) == order.end())
                    order.push_back(p);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        Builtins b;
        for (std::size_t i = 0; i < order.size(); ++i) b.by_address.emplace_back(order[i], i + 1);
        std::sort(b.by_address.begin(), b.by_address.end());
        b.count = order.size();
        return b;
    }();
    builtins_ = &builtins;
    builtin_ids_from_ = next_object_id_;
    next_object_id_ += builtins.count;
}

int Sandbox::load_text(lua_State* L, std::string_view source, const char* chunkname) {
    auto chunk = compiled_chunks().find(source, chunkname);
    if (!chunk) {
        chunk = compile(source, chunkname, limits_);
        if (!chunk) return luaL_loadbufferx(L, source.data(), source.size(), chunkname, "t");
        compiled_chunks().add(chunk);
    }
    const std::uint64_t first_id = next_object_id_, work = work_used_;
    const bool over_limit_before = violation_ != Violation::none;
    int status = luaL_loadbufferx(L, chunk->binary.data(), chunk->binary.size(), chunkname, "b");
    if (status == LUA_OK && !over_limit_before && violation_ != Violation::none) {
        // It only fitted after Lua's emergency collection, over the limit: compiling the text
        // needs more memory than loading it, and would have failed here. Fail as that would.
        lua_pop(L, 1);
        lua_pushliteral(L, "not enough memory");
        status = LUA_ERRMEM;
    }
    if (status == LUA_OK) {
        // As if the text had been compiled here: the objects made after it get the same numbers,
        // and the entry pays the same work.
        if (next_object_id_ - first_id <= chunk->numbered_objects) next_object_id_ = first_id + chunk->numbered_objects;
        work_used_ = work + chunk->work;
    }
    return status;
}

void Sandbox::load(std::string_view source, const std::string& chunkname) {
    begin_entry();
    const int status = load_text(L_, source, chunkname.c_str());
    if (status != LUA_OK) {
        std::string message = violation_ != Violation::none ? violation_message(L_)
                              : lua_type(L_, -1) == LUA_TSTRING ? lua_tostring(L_, -1)
                                                                : "could not load the scenario";
        lua_pop(L_, 1);
        // Errors found before any line was read (binary chunk, out of memory) name line 1.
        if (!has_location(message))
            message = (chunkname.starts_with("@") ? chunkname.substr(1) : chunkname) + ":1: " + message;
        throw ScriptError(message, {});
    }
}

// Runs on a fresh coroutine rather than with lua_pcall: after an error its stack
// is still there to name the line, even for errors no message handler sees.
void Sandbox::call(int nargs, int nresults) {
    if (violation_ != Violation::none) throw ScriptError(violation_message(L_), {});
    begin_entry();
    lua_State* L = L_;
    lua_State* co = lua_newthread(L);  // anchored on L's stack for the call
    lua_insert(L, -(nargs + 2));
    lua_xmove(L, co, nargs + 1);
    const int base = lua_gettop(L);  // the thread
    int produced = 0;
    const int status = lua_resume(co, L, nargs, &produced);
    if (status == LUA_YIELD) {
        const std::string where = innermost_location(co);
        lua_settop(L, base - 1);
        throw ScriptError(where + "coroutine.yield() outside run(s): only run(s) can pause, with s:choose", {});
    }
    if (status != LUA_OK) {
        ScriptError error = error_from(co, status, scenario_frames(co, 0));
        lua_settop(L, base - 1);
        throw error;
    }
    const int keep = nresults == LUA_MULTRET ? produced : nresults;
    if (produced > keep) lua_pop(co, produced - keep);
    lua_xmove(co, L, std::min(produced, keep));
    for (int i = produced; i < keep; ++i) lua_pushnil(L);
    lua_remove(L, base);
}

bool Sandbox::resume(lua_State* thread, int nargs, int& nresults) {
    if (violation_ != Violation::none) throw ScriptError(violation_message(thread), {});
    begin_entry();
    const int status = lua_resume(thread, L_, nargs, &nresults);
    if (status == LUA_YIELD) return true;
    if (status == LUA_OK) return false;
    throw error_from(thread, status, scenario_frames(thread, 0));
}

ScriptError Sandbox::error_from(lua_State* thread, int status, std::vector<std::string> frames) {
    std::string message;
    if (violation_ != Violation::none) {
        message = violation_message(thread);
    } else if (status == LUA_ERRMEM) {
        message = "memory limit: the scenario ran out of memory";
    } else {
        switch (lua_type(thread, -1)) {
        case LUA_TSTRING:
        case LUA_TNUMBER: message = lua_tostring(thread, -1); break;
        default:
            // Never call metamethods of an error object: it is the scenario's.
            message = std::string("error object is a ") + luaL_typename(thread, -1) + " value";
        }
    }
    if (!has_location(message) && !frames.empty()) {
        const std::string& top = frames.front();
        message = top.substr(0, top.find(": ") + 2) + message;
    } else if (!has_location(message)) {
        message = fallback_location + message;  // e.g. a built-in called as the entry itself
    }
    return ScriptError(message, std::move(frames));
}

}  // namespace holdspace::script
