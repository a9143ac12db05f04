#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Pango and Cairo, the system's text layout and PDF drawing libraries, loaded when a PDF is written.
///
/// A list of participants holds names in every script: Pango shapes them (HarfBuzz: Arabic joined and right to
/// left, Chinese and Cyrillic from fontconfig's fallback fonts), and Cairo's PDF surface draws them, embedding each
/// font as a subset. Both are Debian's own (`libpangocairo-1.0-0`, on any desktop and pulled in by Chromium).
///
/// Why `dlopen` rather than linking: msp is one binary that needs libsqlite3 alone (README; `scripts/check-package`
/// checks `ldd` and runs it on a machine without the Swift toolchain). Linking Pango would make every command need
/// some forty libraries; loaded here, only `--format pdf` does, and says what to install when they are missing.
/// The declarations below are the libraries' stable C ABI (Pango 1.x, Cairo ≥ 1.16): opaque pointers, C ints
/// (their enums and gboolean) and doubles, as in `pango-layout.h`, `pangocairo.h`, `cairo.h` and `cairo-pdf.h`.
final class PangoCairo: @unchecked Sendable {
    typealias Pointer = OpaquePointer
    typealias WriteFunction = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> Int32

    /// The library file msp asks for, and the Debian package that has it.
    static let library = "libpangocairo-1.0.so.0"
    static let package = "libpangocairo-1.0-0"

    // Cairo
    let pdfSurfaceCreateForStream: @convention(c) (WriteFunction?, UnsafeMutableRawPointer?, Double, Double) -> Pointer?
    let pdfSurfaceSetMetadata: @convention(c) (Pointer?, Int32, UnsafePointer<CChar>?) -> Void
    let surfaceFinish: @convention(c) (Pointer?) -> Void
    let surfaceStatus: @convention(c) (Pointer?) -> Int32
    let surfaceDestroy: @convention(c) (Pointer?) -> Void
    let create: @convention(c) (Pointer?) -> Pointer?
    let destroy: @convention(c) (Pointer?) -> Void
    let showPage: @convention(c) (Pointer?) -> Void
    let moveTo: @convention(c) (Pointer?, Double, Double) -> Void
    let lineTo: @convention(c) (Pointer?, Double, Double) -> Void
    let setLineWidth: @convention(c) (Pointer?, Double) -> Void
    let stroke: @convention(c) (Pointer?) -> Void
    let statusToString: @convention(c) (Int32) -> UnsafePointer<CChar>?
    // Pango
    let createLayout: @convention(c) (Pointer?) -> Pointer?
    let showLayout: @convention(c) (Pointer?, Pointer?) -> Void
    let setMarkup: @convention(c) (Pointer?, UnsafePointer<CChar>?, Int32) -> Void
    let setWidth: @convention(c) (Pointer?, Int32) -> Void
    let setWrap: @convention(c) (Pointer?, Int32) -> Void
    let setAlignment: @convention(c) (Pointer?, Int32) -> Void
    let setAutoDir: @convention(c) (Pointer?, Int32) -> Void
    let setFontDescription: @convention(c) (Pointer?, Pointer?) -> Void
    let getSize: @convention(c) (Pointer?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Void
    let unknownGlyphsCount: @convention(c) (Pointer?) -> Int32
    let fontDescriptionFromString: @convention(c) (UnsafePointer<CChar>?) -> Pointer?
    let fontDescriptionFree: @convention(c) (Pointer?) -> Void
    // GObject
    let objectUnref: @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// Pango's unit: 1/1024 of a point.
    static let scale = 1024.0
    /// `PANGO_WRAP_WORD_CHAR`: wrap between words, and inside a word that is longer than the line.
    static let wrapWordChar: Int32 = 2
    /// `PangoAlignment`.
    static let alignLeft: Int32 = 0
    static let alignCenter: Int32 = 1
    /// `CAIRO_PDF_METADATA_TITLE`, `..._CREATOR`.
    static let metadataTitle: Int32 = 0
    static let metadataCreator: Int32 = 4

    /// The libraries, loaded once per process.
    static let shared: Result<PangoCairo, PrintError> = Result { () throws(PrintError) in try PangoCairo() }

    private init() throws(PrintError) {
        guard let handle = dlopen(Self.library, RTLD_NOW | RTLD_LOCAL) else {
            throw .unavailable(
                "a PDF needs Pango and Cairo (\(Self.library)), which this machine lacks: install the package \(Self.package) (apt-get install \(Self.package)) and fonts for the names' scripts (fonts-liberation, fonts-noto-core, fonts-noto-cjk)"
            )
        }
        // dlsym on the handle searches the library and what it loaded: libpango, libcairo, libgobject.
        func symbol<T>(_ name: String) throws(PrintError) -> T {
            guard let address = dlsym(handle, name) else {
                throw .unavailable("\(Self.library) lacks \(name): msp needs Pango 1.x and Cairo 1.16 or later")
            }
            return unsafeBitCast(address, to: T.self)
        }
        pdfSurfaceCreateForStream = try symbol("cairo_pdf_surface_create_for_stream")
        pdfSurfaceSetMetadata = try symbol("cairo_pdf_surface_set_metadata")
        surfaceFinish = try symbol("cairo_surface_finish")
        surfaceStatus = try symbol("cairo_surface_status")
        surfaceDestroy = try symbol("cairo_surface_destroy")
        create = try symbol("cairo_create")
        destroy = try symbol("cairo_destroy")
        showPage = try symbol("cairo_show_page")
        moveTo = try symbol("cairo_move_to")
        lineTo = try symbol("cairo_line_to")
        setLineWidth = try symbol("cairo_set_line_width")
        stroke = try symbol("cairo_stroke")
        statusToString = try symbol("cairo_status_to_string")
        createLayout = try symbol("pango_cairo_create_layout")
        showLayout = try symbol("pango_cairo_show_layout")
        setMarkup = try symbol("pango_layout_set_markup")
        setWidth = try symbol("pango_layout_set_width")
        setWrap = try symbol("pango_layout_set_wrap")
        setAlignment = try symbol("pango_layout_set_alignment")
        setAutoDir = try symbol("pango_layout_set_auto_dir")
        setFontDescription = try symbol("pango_layout_set_font_description")
        getSize = try symbol("pango_layout_get_size")
        unknownGlyphsCount = try symbol("pango_layout_get_unknown_glyphs_count")
        fontDescriptionFromString = try symbol("pango_font_description_from_string")
        fontDescriptionFree = try symbol("pango_font_description_free")
        objectUnref = try symbol("g_object_unref")
    }
}

/// Why a document could not be printed.
package enum PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The libraries are missing or too old.
    case unavailable(String)
    /// Cairo reported an error while drawing.
    case failed(String)

    package var description: String {
        switch self {
        case .unavailable(let message), .failed(let message): return message
        }
    }
}
