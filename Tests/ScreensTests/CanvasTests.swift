import Testing
import RoleWizardCore
@testable import Screens

@Suite struct CanvasTests {
    @Test func clipsAtTheEdgeAndCountsWideCharacters() {
        var canvas = Canvas(width: 6, height: 2)
        #expect(canvas.put("abcdefgh", x: 0, y: 0) == 6)
        #expect(canvas.put("日本語", x: 1, y: 1) == 5)
        #expect(canvas.text == "abcdef\n 日本")
        #expect(canvas[2, 1].text == "")
        #expect(canvas.put("x", x: 0, y: 5) == 0)
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("語") == 2)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("e\u{301}x") == 2)
    }
}

@Suite struct ASCIIFrameTests {
    @Test func withoutUTF8EveryCellIsASCII() {
        var model = Harness.preset("ecs-workshop")
        model.glyphs = .ascii
        model.teachingVisible = true
        let text = Harness.frame(model)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("^v select"))
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("語x", x: 0, y: 0)
        #expect(canvas.asciiOnly().text == "? x")
    }
}
