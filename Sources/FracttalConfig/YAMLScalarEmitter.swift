import CLibYAML

/// Writes one string scalar as a YAML document with libyaml's emitter, which quotes and escapes
/// whatever YAML syntax needs in the style asked for.
enum YAMLScalarEmitter {
    /// The styles a scalar may be asked for in.
    enum Style {
        case plain
        case singleQuoted
        case doubleQuoted

        var libyaml: yaml_scalar_style_t {
            switch self {
            case .plain: YAML_PLAIN_SCALAR_STYLE
            case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
            }
        }
    }

    /// The emitted document (a line break at its end, `...` after a plain root), or nil when libyaml refuses.
    /// Lines are never folded, and characters beyond ASCII are written as they are.
    static func emit(_ text: String, style: Style) -> String? {
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        let output = Output()
        defer {
            emitter.deallocate()
            event.deallocate()
        }
        guard yaml_emitter_initialize(emitter) == 1 else { return nil }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            let output = Unmanaged<Output>.fromOpaque(context).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        let emitted = withExtendedLifetime(output) { () -> Bool in
            guard yaml_stream_start_event_initialize(event, YAML_UTF8_ENCODING) == 1,
                  yaml_emitter_emit(emitter, event) == 1,
                  yaml_document_start_event_initialize(event, nil, nil, nil, 1) == 1,
                  yaml_emitter_emit(emitter, event) == 1 else { return false }
            // NUL-terminated, so that even an empty value has an address (libyaml asserts one).
            let value = text.utf8CString.map { UInt8(bitPattern: $0) }
            let tag = "tag:yaml.org,2002:str".utf8CString.map { UInt8(bitPattern: $0) }
            let initialized = value.withUnsafeBufferPointer { value in
                tag.withUnsafeBufferPointer { tag in
                    yaml_scalar_event_initialize(
                        event, nil, tag.baseAddress, value.baseAddress, Int32(value.count - 1), 1, 1, style.libyaml)
                }
            }
            guard initialized == 1, yaml_emitter_emit(emitter, event) == 1,
                  yaml_document_end_event_initialize(event, 1) == 1,
                  yaml_emitter_emit(emitter, event) == 1,
                  yaml_stream_end_event_initialize(event) == 1,
                  yaml_emitter_emit(emitter, event) == 1 else { return false }
            return true
        }
        guard emitted else { return nil }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The bytes the emitter has written.
    private final class Output {
        var bytes: [UInt8] = []
    }
}
