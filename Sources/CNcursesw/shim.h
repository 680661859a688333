// The few ncurses calls ecs-role-wizard's terminal backend needs, as plain functions.
// Swift cannot import function-like macros (getmaxyx, COLOR_PAIR, A_BOLD) and Swift 6 rejects
// ncurses' mutable globals (stdscr, LINES, COLS), so they are wrapped here.
#ifndef ERW_SHIM_H
#define ERW_SHIM_H

// SwiftPM drops pkg-config's -D flags; wide-character ncurses needs these before the header.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static const int ERW_KEY_CODE_YES = KEY_CODE_YES;
static const int ERW_ERR = ERR;
static const int ERW_KEY_RESIZE = KEY_RESIZE;
static const int ERW_KEY_UP = KEY_UP;
static const int ERW_KEY_DOWN = KEY_DOWN;
static const int ERW_KEY_LEFT = KEY_LEFT;
static const int ERW_KEY_RIGHT = KEY_RIGHT;
static const int ERW_KEY_HOME = KEY_HOME;
static const int ERW_KEY_END = KEY_END;
static const int ERW_KEY_PPAGE = KEY_PPAGE;
static const int ERW_KEY_NPAGE = KEY_NPAGE;
static const int ERW_KEY_BACKSPACE = KEY_BACKSPACE;
static const int ERW_KEY_DC = KEY_DC;
static const int ERW_KEY_ENTER = KEY_ENTER;
static const int ERW_KEY_BTAB = KEY_BTAB;
static const int ERW_KEY_F0 = KEY_F0;

/// Starts curses mode: raw keys (Ctrl-C arrives as a key), no echo, keypad on, short Esc delay,
/// reads that time out after `timeout_ms` so the caller can notice signals. Returns 0 on success.
static inline int erw_start(int timeout_ms) {
    if (initscr() == NULL) return -1;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    wtimeout(stdscr, timeout_ms);
    return 0;
}

/// Sets up colors: returns 1 when the terminal has them.
static inline int erw_start_color(void) {
    if (!has_colors()) return 0;
    start_color();
    use_default_colors();
    return 1;
}

static inline void erw_pair(short pair, short fg, short bg) { init_pair(pair, fg, bg); }

/// An attribute from a color pair (0 for none) and bold / reverse / dim / underline flags.
static inline attr_t erw_attr(short pair, int bold, int reverse, int dim, int underline) {
    attr_t a = COLOR_PAIR(pair);
    if (bold) a |= A_BOLD;
    if (reverse) a |= A_REVERSE;
    if (dim) a |= A_DIM;
    if (underline) a |= A_UNDERLINE;
    return a;
}

static inline void erw_stop(void) { endwin(); }
static inline int erw_is_stopped(void) { return isendwin(); }
static inline void erw_size(int *width, int *height) {
    int y, x;
    getmaxyx(stdscr, y, x);
    *width = x;
    *height = y;
}
static inline int erw_read(wint_t *ch) { return wget_wch(stdscr, ch); }
static inline void erw_erase(void) { werase(stdscr); }
/// Draws a string at (x, y) with an attribute. Writing the bottom-right cell returns ERR: harmless.
static inline void erw_draw(int y, int x, const wchar_t *text, attr_t attr) {
    wattrset(stdscr, attr);
    mvwaddwstr(stdscr, y, x, text);
    wattrset(stdscr, A_NORMAL);
}
static inline void erw_cursor(int y, int x, int visible) {
    curs_set(visible ? 1 : 0);
    if (visible) wmove(stdscr, y, x);
}
static inline void erw_refresh(void) { wrefresh(stdscr); }
static inline void erw_clear_screen(void) { clearok(stdscr, TRUE); }

#endif
