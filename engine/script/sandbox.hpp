#pragma once
// The sandbox every scenario runs in: one lua_State per session with a memory
// cap, a work budget for every entry into Lua, and a standard library cut down
// and made deterministic. This is the only place (with the other files in
// engine/script/) that includes Lua.
#include "sim/scenario.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct lua_State;
struct lua_Debug;

namespace holdspace {
class Rng;
class Session;
}

namespace holdspace::script {

struct Limits {
    // Lua instructions (plus the metered work of library calls) per entry into Lua.
    std::uint64_t work_per_entry = 10'000'000;
    std::size_t memory_bytes = 64u << 20;
    std::size_t max_string_bytes = 1u << 20;
    // Last resort against work the budget cannot see (e.g. comparing long strings
    // in a loop): real time one entry may take. Never reached by a sound scenario.
    std::chrono::milliseconds time_per_entry{5000};
};

class Sandbox {
public:
    // `restorable`: the state's memory comes from an arena of its own until freeze(), so that
    // restore() can put that state back (see "Snapshots" in sandbox.cpp).
    explicit Sandbox(Limits limits = {}, bool restorable = false);
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    lua_State* state() const { return L_; }
    static Sandbox& of(lua_State* L);

    // Where math.random draws from; null while no session is attached (math.random then errors).
    void set_rng(Rng* rng) { rng_ = rng; }
    Rng* rng() const { return rng_; }
    // The session whose scenario runs here, and the coroutine running its run(s):
    // the session handle's functions reach them through the sandbox.
    Session* session = nullptr;
    lua_State* run_thread = nullptr;

    // `require(name)`: the modules a scenario may share with the others of its pack. The finder
    // returns a module's file and text, or none (and says where it looked in `looked`).
    struct Module {
        std::string path, source;
    };
    using ModuleFinder = std::function<std::optional<Module>(const std::string& name, std::string& looked)>;
    void set_module_finder(ModuleFinder find) { find_module_ = std::move(find); }
    // The modules required so far, in the order they were first loaded.
    const std::vector<Module>& modules() const { return modules_; }

    // Where print() goes (the author's console); ignored when unset.
    void set_print(std::function<void(std::string_view)> print) { print_ = std::move(print); }

    // Compiles `source` (text only) with the sandbox's globals as its environment
    // and pushes the function. Throws ScriptError naming chunk:line.
    // A text this process has compiled before under the same name is not parsed
    // again: the host keeps its own compiled form (see "Compiled chunks" in
    // sandbox.cpp), and the function is the same as compiling the text.
    void load(std::string_view source, const std::string& chunkname);
    // Pushes the sandbox's global table onto L (any thread of this sandbox).
    void push_globals(lua_State* L);
    // "file:line: " of the innermost scenario frame on L, or "".
    static std::string where(lua_State* L);
    // "file:line: " naming errors that arise with no line of the scenario on the stack (the
    // loader sets the line of the field whose function it calls: run, on_action).
    std::string fallback_location;
    // Set by s:choose and s:finish just before they pause run(s); a pause without
    // it is a bare coroutine.yield().
    bool yield_expected = false;

    // Calls the function below `nargs` arguments on the main thread as a fresh
    // entry (new work budget). Throws ScriptError with the scenario's traceback.
    void call(int nargs, int nresults);
    // Resumes `thread` as a fresh entry. Returns true if it yielded, false if it
    // returned; throws ScriptError on error. Results stay on `thread`'s stack.
    bool resume(lua_State* thread, int nargs, int& nresults);
    // For s:choose answered at once (Session::answer_at_once): whether the running entry may go on
    // as if resumed (no limit was met in it), and starting that next entry's budget and deadline.
    bool may_continue() const { return violation_ == Violation::none; }
    void continue_as_new_entry() { begin_entry(); }

    // Charges `work` to the current entry's budget from library code; raises a Lua
    // error when the budget is spent.
    static void charge(lua_State* L, std::uint64_t work);
    // A stable sequence number for a table, function, coroutine or userdata (0 if unknown).
    std::uint64_t object_id(const void* p) const;
    // Converts any value to a string without memory addresses (calls __tostring).
    static const char* to_display_string(lua_State* L, int index, std::size_t* len);

    // Snapshots: freeze() keeps the state as it is now (a scenario just loaded, nothing running);
    // restore() puts it back exactly - the Lua state's every byte, at the same addresses, and the
    // host's counts and object numbers - so that the next session starts in the state a fresh
    // sandbox would have after loading the same scenario. freeze() returns false (and nothing
    // is kept) when the sandbox was not made restorable or its memory outgrew the arena.
    bool freeze();
    bool frozen() const { return frozen_ != nullptr; }
    void restore();

    std::uint64_t work_used() const { return work_used_; }
    std::size_t memory_used() const { return memory_used_; }
    const Limits& limits() const { return limits_; }

private:
    enum class Violation { none, work, memory, string_size, time };

    static void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize);
    static void count_hook(lua_State* L, lua_Debug* ar);
    static int violation_error(lua_State* L);
    static int finish_pcall(lua_State* L, int status, std::intptr_t extra);
    static int l_pcall(lua_State* L);
    static int l_xpcall(lua_State* L);
    static int l_coroutine_passthrough(lua_State* L);
    static int l_guarded_handler(lua_State* L);
    static int l_wrap(lua_State* L);
    static int l_wrapped(lua_State* L);
    friend struct SandboxLibrary;

    void begin_entry();
    std::string violation_message(lua_State* L) const;
    ScriptError error_from(lua_State* thread, int status, std::vector<std::string> frames);
    void install_library();
    void number_builtin_functions();
    // luaL_loadbufferx of a scenario's text on L (a thread of this sandbox), through the
    // process's compiled chunks: pushes the function or the error message, returns the status.
    int load_text(lua_State* L, std::string_view source, const char* chunkname);

    // Where the Lua state's memory comes from: blocks up to 2 KiB from size classes carved out
    // of 64 KiB slabs (kept per thread for the next sandbox when this one closes), larger ones
    // from malloc. Lua passes every block's size back, so blocks carry no header. Only the
    // host's memory is managed here: what the scenario is charged for is unchanged.
    class Heap {
    public:
        Heap() = default;
        ~Heap();
        Heap(const Heap&) = delete;
        Heap& operator=(const Heap&) = delete;
        void* reallocate(void* ptr, std::size_t old_size, std::size_t new_size);
        void release(void* ptr, std::size_t size);

        // The arena (restorable sandboxes): until freeze(), every block and slab is cut from one
        // reserved range, so the whole state is the bytes [arena_, top_). After it, blocks come
        // from slabs and malloc as in any sandbox; those from malloc are tracked so that restore()
        // can free them (the state restored no longer knows them).
        bool reserve_arena();
        bool arena_usable() const { return arena_ && !overflowed_; }
        bool freeze();
        void restore();

    private:
        static constexpr int classes = 30;
        void* allocate(std::size_t size);
        void* carve(int size_class);
        void* bump(std::size_t bytes);
        void* outside(std::size_t size);
        bool in_arena(const void* p) const { return p >= arena_ && p < arena_end_; }
        void* free_[classes] = {};
        char* next_ = nullptr;
        char* end_ = nullptr;
        std::vector<void*> slabs_;
        char* arena_ = nullptr;
        char* arena_end_ = nullptr;
        char* top_ = nullptr;
        bool overflowed_ = false;  // a block did not fit the arena: the state cannot be kept
        bool frozen_ = false;
        std::unordered_set<void*> outside_;  // blocks from malloc since freeze()
        struct Image {
            std::vector<char> bytes;  // [arena_, top_) less the unused end of the open slab
            std::size_t gap_from = 0, gap_to = 0;
            void* free[classes] = {};
            char* next = nullptr;
            char* end = nullptr;
            char* top = nullptr;
        } image_;
    };

    // Object ids by address: open addressing, because every allocation and free asks it.
    class ObjectIds {
    public:
        ObjectIds() = default;
        ~ObjectIds();
        ObjectIds(const ObjectIds&) = delete;
        ObjectIds& operator=(const ObjectIds&) = delete;
        std::uint64_t find(const void* p) const;
        void insert(const void* p, std::uint64_t id);
        void erase(const void* p);
        // freeze(): this table becomes `frozen`'s, and from then on only holds what changed since,
        // over it (a frozen object freed since holds 0), so that restore() need only clear() it
        // rather than copy the frozen state's whole table back.
        void freeze_into(ObjectIds& frozen);
        void clear();

    private:
        struct Slot {
            const void* key;
            std::uint64_t id;
        };
        std::size_t slot_of(const void* p) const;
        const Slot* own(const void* p) const;
        void grow();
        static std::vector<Slot>* spare();  // per thread: a closed sandbox's first table, cleared
        std::vector<Slot> slots_;
        std::size_t count_ = 0;
        int shift_ = 64;
        const ObjectIds* base_ = nullptr;  // the frozen state's numbers, under these
    };

    Limits limits_;
    Heap heap_;  // before L_'s state is made, after it is closed
    lua_State* L_ = nullptr;
    Rng* rng_ = nullptr;
    std::function<void(std::string_view)> print_;
    ModuleFinder find_module_;
    std::vector<Module> modules_;
    std::uint64_t work_used_ = 0;
    std::size_t memory_used_ = 0;
    Violation violation_ = Violation::none;
    std::string violation_where_;
    std::chrono::steady_clock::time_point entry_deadline_{};
    ObjectIds object_ids_;
    std::uint64_t next_object_id_ = 0;
    struct Builtins;
    const Builtins* builtins_ = nullptr;  // the library's C functions, numbered from builtin_ids_from_ on
    std::uint64_t builtin_ids_from_ = 0;
    bool closing_ = false;
    int coroutine_depth_ = 0;
    int globals_ref_ = 0;
    // What freeze() kept of the host's side (the Lua state's side is in heap_).
    struct Frozen;
    std::unique_ptr<Frozen> frozen_;
};

}  // namespace holdspace::script
