import CNcursesw
import Foundation
import Screens

/// The ncurses backend: draws frames and reads keys. The only file that imports curses.
final class Terminal {
    private var attributes: [Canvas.Style: attr_t] = [:]
    private(set) var isRunning = false

    /// Starts curses mode. `color` false (NO_COLOR, or a terminal without colors) draws with
    /// bold, reverse and dim only.
    init(color wantsColor: Bool) throws {
        guard erw_start(100) == 0 else { throw TerminalError("cannot start the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? ""))") }
        isRunning = true
        let color = wantsColor && erw_start_color() == 1
        if color {
            // Theme roles → colors on the terminal's own background (-1).
            erw_pair(1, Int16(COLOR_CYAN), -1)
            erw_pair(2, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
            erw_pair(3, Int16(COLOR_RED), -1)
            erw_pair(4, Int16(COLOR_YELLOW), -1)
            attributes = [
                .normal: erw_attr(0, 0, 0, 0, 0),
                .title: erw_attr(1, 1, 0, 0, 0),
                .selected: erw_attr(2, 1, 0, 0, 0),
                .muted: erw_attr(0, 0, 0, 1, 0),
                .error: erw_attr(3, 1, 0, 0, 0),
                .accent: erw_attr(4, 0, 0, 0, 0),
            ]
        } else {
            attributes = [
                .normal: erw_attr(0, 0, 0, 0, 0),
                .title: erw_attr(0, 1, 0, 0, 0),
                .selected: erw_attr(0, 0, 1, 0, 0),
                .muted: erw_attr(0, 0, 0, 0, 0),
                .error: erw_attr(0, 1, 0, 0, 1),
                .accent: erw_attr(0, 1, 0, 0, 0),
            ]
        }
    }

    deinit { stop() }

    /// Leaves curses mode and gives the terminal back as it was. Safe to call twice.
    func stop() {
        guard isRunning else { return }
        isRunning = false
        erw_stop()
    }

    /// Hands the terminal to another program ($EDITOR), then takes it back.
    func suspended<T>(_ body: () throws -> T) rethrows -> T {
        erw_stop()
        defer {
            erw_clear_screen()
            erw_refresh()
        }
        return try body()
    }

    var size: (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        erw_size(&width, &height)
        return (Int(width), Int(height))
    }

    /// The next event, or nil when nothing arrived within the read timeout.
    func read() -> Event? {
        var character: wint_t = 0
        let result = erw_read(&character)
        if result == ERW_ERR { return nil }
        let code = Int32(bitPattern: UInt32(character))
        if result == ERW_KEY_CODE_YES {
            switch code {
            case ERW_KEY_RESIZE:
                let size = self.size
                return .resize(width: size.width, height: size.height)
            case ERW_KEY_UP: return .key(.up)
            case ERW_KEY_DOWN: return .key(.down)
            case ERW_KEY_LEFT: return .key(.left)
            case ERW_KEY_RIGHT: return .key(.right)
            case ERW_KEY_HOME: return .key(.home)
            case ERW_KEY_END: return .key(.end)
            case ERW_KEY_PPAGE: return .key(.pageUp)
            case ERW_KEY_NPAGE: return .key(.pageDown)
            case ERW_KEY_BACKSPACE: return .key(.backspace)
            case ERW_KEY_DC: return .key(.delete)
            case ERW_KEY_ENTER: return .key(.enter)
            case ERW_KEY_BTAB: return .key(.backTab)
            case (ERW_KEY_F0 + 1)...(ERW_KEY_F0 + 24): return .key(.function(Int(code - ERW_KEY_F0)))
            default: return nil
            }
        }
        switch code {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(96 + code)))))
        default:
            guard code >= 32, let scalar = UnicodeScalar(UInt32(code)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// Draws a frame: each row as runs of one style; the second half of a wide character is
    /// skipped because curses advances two columns for it.
    func draw(_ frame: Screens.Frame) {
        let canvas = frame.canvas
        erw_erase()
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let style = canvas[x, y].style
                let start = x
                var text: [wchar_t] = []
                while x < canvas.width && canvas[x, y].style == style {
                    for scalar in canvas[x, y].text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                    x += 1
                }
                text.append(0)
                erw_draw(Int32(y), Int32(start), text, attributes[style] ?? 0)
            }
        }
        if let cursor = frame.cursor {
            erw_cursor(Int32(cursor.y), Int32(cursor.x), 1)
        } else {
            erw_cursor(0, 0, 0)
        }
        erw_refresh()
    }

    /// True when the locale's character set is UTF-8 (so box-drawing characters show).
    static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

struct TerminalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
