import Synchronization

/// What the linter works out from the catalog once and reuses for every document of a run:
/// what each distinct action text means, ARN formats, resources as written, and suggestions
/// for names that do not exist. Linting the 1,582 AWS managed policies asks the same questions
/// thousands of times (64,000 Action entries, 17,000 distinct).
///
/// Each table has its own lock, since files may be linted on several threads. A missing value
/// is worked out outside the lock; when two threads work out the same one, the first kept is
/// the one both use (and they are the same anyway).
final class LintCache: Sendable {
    private let meanings = TextMemo<ActionMeaning>()
    private let suggestionLists = Memo<String, [String]>()
    private let candidateLists = Memo<String, Suggest.Candidates>()
    private let conditionKeyTypes = Memo<String, String?>()
    /// `conditionKeyTypes` by the key as written: the same answer, without lowering it first.
    private let conditionKeyTypesAsWritten = TextMemo<String?>()
    private let operatorKinds = TextMemo<ConditionChecks.Kind?>()
    private let formats = Numbered<FormatKey, ResourceFormat?>()
    private let resources = TextMemo<ResourceReading>()
    /// The next resource reading's number (`ResourceReading.number`).
    private let nextResourceNumber = Atomic(0)
    /// The services ARNs name (`s3`), numbered: statements compare sets of small numbers.
    private let arnServiceNames = Numbered<String, String>()
    /// Whether format `f` admits resource `r`, keyed by `f << 32 | r`.
    private let admitted = Mutex(AdmittedTable())

    /// A resource type of a service, as the catalog names it.
    private struct FormatKey: Hashable, Sendable {
        var service: String
        var type: String
    }

    /// What an Action entry's text means, worked out once per distinct text.
    func meaning(of text: String, in catalog: IAMCatalog) -> ActionMeaning {
        meanings.value(text) { ActionMeaning.make(text, catalog: catalog, cache: self) }
    }

    /// `meaning(of:in:)` of a text given as its UTF-8 bytes, with the text: the one kept with
    /// the meaning when the bytes are the same, so that a String is made once per distinct
    /// text rather than once per entry.
    func meaning(ofBytes bytes: UnsafeBufferPointer<UInt8>, in catalog: IAMCatalog) -> (text: String, meaning: ActionMeaning) {
        let (text, meaning) = meanings.entry(bytes: bytes) { ActionMeaning.make($0, catalog: catalog, cache: self) }
        return (text, meaning)
    }

    /// The number of a service's resource type, for `format(number:)` and `admits`.
    func formatNumber(of type: String, in service: String, catalog: IAMCatalog) -> Int {
        formats.entry(FormatKey(service: service, type: type)) {
            catalog.service(service)?.resourceType(named: type).map { ResourceFormat($0.arnFormat, serviceNumber: arnServiceNumber) }
        }.number
    }

    /// The ARN format of a service's resource type; nil when the catalog does not describe it.
    func format(number: Int) -> ResourceFormat? { formats[number] }

    /// How many resource types are numbered so far (each number is below).
    var formatCount: Int { formats.count }

    func format(of type: String, in service: String, catalog: IAMCatalog) -> ResourceFormat? {
        format(number: formatNumber(of: type, in: service, catalog: catalog))
    }

    /// A resource as written (`arn:aws:s3:::bucket/*`), read once per distinct text.
    func resource(_ text: String) -> ResourceReading {
        // Two threads reading the same text both take a number; the one kept is used, the
        // other number goes unused.
        resources.value(text) { ResourceReading(text, number: nextResourceNumber.add(1, ordering: .relaxed).oldValue, cache: self) }
    }

    /// The number of a service an ARN names.
    func arnServiceNumber(_ service: Substring) -> Int {
        arnServiceNames.entry(String(service)) { String(service) }.number
    }

    /// Whether a resource (as written) can be of a resource type's format.
    func admits(format: Int, resource: ResourceReading) -> Bool {
        let key = UInt64(format) << 32 | UInt64(resource.number)
        if let kept = admitted.withLock({ $0[key] }) { return kept }
        let verdict = formats[format].map { $0.admits(resource.fields) } ?? true
        admitted.withLock { $0[key] = verdict }
        return verdict
    }

    /// What the Resource checks ask of an entry's actions, worked out on first use (only
    /// statements whose resources are all ARNs ask).
    func resourceFacts(of meaning: ActionMeaning, catalog: IAMCatalog) -> ActionMeaning.ResourceFacts {
        if let kept = meaning.resourceFacts.withLock({ $0 }) { return kept }
        var arnServices: [Int] = [], formats: [Int] = [], takesUndescribedType = false
        let actions = meaning.actions
        for index in actions.indices {
            for type in actions[index].resourceTypes where !type.name.isEmpty {
                let number = formatNumber(of: type.name, in: actions[index].service, catalog: catalog)
                guard let format = format(number: number) else {
                    takesUndescribedType = true
                    continue
                }
                formats.append(number)
                if let service = format.serviceNumber { arnServices.append(service) }
            }
        }
        let facts = ActionMeaning.ResourceFacts(arnServices: arnServices.sortedUnique(), formats: formats.sortedUnique(),
                                                takesUndescribedType: takesUndescribedType)
        meaning.resourceFacts.withLock { $0 = facts }
        return facts
    }

    func operatorKind(_ name: String) -> ConditionChecks.Kind? {
        operatorKinds.value(name) { ConditionChecks.kind(ofOperator: name) }
    }

    /// A condition key's type: global keys first, then the keys services define; nil when unknown.
    func conditionKeyType(_ key: String, in catalog: IAMCatalog) -> String? {
        conditionKeyTypesAsWritten.value(key) { conditionKeyType(lowercased: key, in: catalog) }
    }

    private func conditionKeyType(lowercased key: String, in catalog: IAMCatalog) -> String? {
        conditionKeyTypes.value(key.lowercased()) {
            let isGlobal = key.utf8.count > 4 && key.utf8.prefix(4).map { $0 | 0x20 }.elementsEqual("aws:".utf8)
            return (isGlobal ? GlobalConditionKeys.type(of: key) : nil) ?? catalog.conditionKey(key)?.type
        }
    }

    /// Close real names for an unknown action: the service's own actions when the prefix is
    /// known, close prefixes when it is not. `spelling` is the text's `ActionSpelling`.
    func suggestions(for action: String, spelling: ActionSpelling, in catalog: IAMCatalog) -> [String] {
        let prefix: String, name: String, lowercased: String
        if spelling.isASCII {
            // A byte is a character: the lowered bytes are `lowercased()`, split at the colon.
            let colon = spelling.colon ?? spelling.lowered.count
            prefix = String(decoding: spelling.lowered[..<colon], as: UTF8.self)
            name = colon < spelling.lowered.count ? String(decoding: spelling.lowered[(colon + 1)...], as: UTF8.self) : ""
            lowercased = String(decoding: spelling.lowered, as: UTF8.self)
        } else {
            let colon = action.firstIndex(of: ":") ?? action.endIndex
            prefix = String(action[..<colon]).lowercased()
            name = colon < action.endIndex ? String(action[action.index(after: colon)...]) : ""
            lowercased = action.lowercased()
        }
        if let service = catalog.service(prefix) {
            return suggestionLists.value(lowercased) {
                let names = candidateLists.value(service.prefix + ":") { Suggest.Candidates(service.actions.map(\.name)) }
                return Suggest.closest(name, among: names).map { service.prefix + ":" + $0 }
            }
        }
        // An action key holds a colon and a prefix key does not, so the two kinds never meet.
        return suggestionLists.value(prefix) {
            Suggest.closest(prefix, among: candidateLists.value("") { Suggest.Candidates(catalog.servicePrefixes) })
        }
    }
}

/// Values worked out once per text, behind locks. ASCII texts are in `TextTable`s, in shards by
/// the text's hash, each behind its own lock: the linting threads look up every Action entry,
/// and behind one lock they kept waiting for each other. Other texts are in a Dictionary, by
/// String equality (canonical equivalence), which the byte hash does not see.
final class TextMemo<Value: Sendable>: Sendable {
    private let shards = (0..<16).map { _ in TextShard<Value>() }
    private let otherTexts = Memo<String, Value>()

    /// The kept value, or `make()`'s, kept.
    func value(_ text: String, _ make: () -> Value) -> Value {
        var bytes = text
        return bytes.withUTF8 { lookUp($0, text: { text }, make: { _ in make() }) }.value
    }

    /// `value(_:_:)` of a text given as UTF-8 bytes, and the text: for ASCII, the String kept
    /// with the value (same bytes), made only when the text is new; otherwise made from `bytes`.
    func entry(bytes: UnsafeBufferPointer<UInt8>, _ make: (String) -> Value) -> (text: String, value: Value) {
        lookUp(bytes, text: { String(decoding: bytes, as: UTF8.self) }, make: make)
    }

    /// `text()` is the String of `bytes`, asked for only when one is needed.
    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, make: (String) -> Value) -> (text: String, value: Value) {
        guard let hash = TextTable<Value>.hash(bytes: UnsafeRawBufferPointer(bytes)) else {
            let text = text()
            return (text, otherTexts.value(text) { make(text) })
        }
        // The top bits pick the shard (16 of them); the table picks slots with the low ones.
        let shard = shards[Int(truncatingIfNeeded: hash >> 60)]
        if let kept = shard.table.withLock({ $0.entry(ofBytes: bytes, hash: hash) }) { return kept }
        let made = text()
        let value = make(made)
        return shard.table.withLock { table in
            if let kept = table.entry(ofBytes: bytes, hash: hash) { return kept }
            table.insert(value, for: made, hash: hash)
            return (made, value)
        }
    }
}

/// One shard of a `TextMemo` (a class: a Mutex cannot be an array's element).
final class TextShard<Value: Sendable>: Sendable {
    let table = Mutex(TextTable<Value>())
}

/// Values by a text, for the tables the linter reads for every entry: action meanings (64,000
/// Action entries for the managed policies), condition key types and operator kinds. Open
/// addressing on a cheap hash of the text's bytes, with the hash's top half kept in each slot,
/// so that a probe rarely reads another text: a Dictionary's SipHash and its comparisons with
/// each key it probes past cost several times as much. For ASCII texts only, where equal
/// strings are equal bytes.
struct TextTable<Value: Sendable>: Sendable {
    /// The hash's top 32 bits and the value's position + 1; 0 is an empty slot. Small at first:
    /// a memo has 16 of these, and grows each as it fills.
    private var slots = [UInt64](repeating: 0, count: 1 << 8)
    private var texts: [String] = []
    /// Each text's hash, so that growing the table does not hash every text again.
    private var hashes: [UInt64] = []
    private var values: [Value] = []

    /// The kept text whose bytes are `bytes`, and its value.
    func entry(ofBytes bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (text: String, value: Value)? {
        let mask = slots.count - 1, check = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] >> 32 == check {
                let position = Int(slots[slot] & 0xFFFF_FFFF) - 1
                var text = texts[position]
                if text.withUTF8({ WordBytes.equal(UnsafeRawBufferPointer($0), UnsafeRawBufferPointer(bytes)) }) { return (text, values[position]) }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    mutating func insert(_ value: Value, for text: String, hash: UInt64) {
        if (texts.count + 1) * 2 > slots.count { grow() }
        texts.append(text)
        hashes.append(hash)
        values.append(value)
        place(texts.count - 1, hash: hash)
    }

    private mutating func place(_ position: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(position + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for position in hashes.indices { place(position, hash: hashes[position]) }
    }

    /// A multiply-and-rotate hash of a text's UTF-8 bytes, eight at a time; nil when the text
    /// is not ASCII. (Not proof against crafted collisions: those could make the table slow,
    /// not wrong.)
    static func hash(bytes: UnsafeRawBufferPointer) -> UInt64? {
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            ((hash ^ word) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 29)
        }
        var hash = UInt64(bytes.count) &* 0xC2B2_AE3D_27D4_EB4F
        var high: UInt64 = 0  // every byte's top bit, or-ed: ASCII leaves it clear
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            hash = mix(hash, word)
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
        high |= tail
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        hash = mix(hash, tail)
        // Spread the high bits into the low ones, which pick the slot.
        hash ^= hash >> 31
        return hash &* 0xBF58_476D_1CE4_E5B9
    }
}

extension [Int] {
    /// The numbers each once, in increasing order.
    func sortedUnique() -> [Int] {
        guard count > 1 else { return self }
        var numbers = sorted()
        var kept = 1
        for index in 1..<numbers.count where numbers[index] != numbers[kept - 1] {
            numbers[kept] = numbers[index]
            kept += 1
        }
        numbers.removeLast(numbers.count - kept)
        return numbers
    }
}

extension UInt64 {
    func rotated(by count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}

/// `LintCache.admits`'s verdicts by their pair of numbers, the table the Resource checks ask
/// most (45,000 times for the managed policies): open addressing on a multiplicative hash of
/// the key, where a Dictionary's SipHash cost more than the rest of a lookup.
struct AdmittedTable: Sendable {
    /// Each slot's key + 1; 0 is an empty slot.
    private var keys = [UInt64](repeating: 0, count: 1 << 12)
    private var verdicts = [Bool](repeating: false, count: 1 << 12)
    private var count = 0

    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != 0 && keys[slot] != key &+ 1 { slot = (slot + 1) & mask }
        return slot
    }

    /// The verdict kept for a key; setting one keeps the first (both threads work out the same).
    subscript(key: UInt64) -> Bool? {
        get {
            let slot = slot(of: key)
            return keys[slot] != 0 ? verdicts[slot] : nil
        }
        set {
            guard let verdict = newValue else { return }
            var slot = slot(of: key)
            if keys[slot] != 0 { return }
            if (count + 1) * 2 > keys.count {
                grow()
                slot = self.slot(of: key)
            }
            keys[slot] = key &+ 1
            verdicts[slot] = verdict
            count += 1
        }
    }

    private mutating func grow() {
        let (oldKeys, oldVerdicts) = (keys, verdicts)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        verdicts = [Bool](repeating: false, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            let slot = slot(of: oldKeys[index] &- 1)
            keys[slot] = oldKeys[index]
            verdicts[slot] = oldVerdicts[index]
        }
    }
}

/// Values worked out once per key, behind a lock.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])

    /// The kept value, or `make()`'s, kept.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let kept = table.withLock({ $0[key] }) { return kept }
        let value = make()
        return table.withLock { table in
            if let kept = table[key] { return kept }
            table[key] = value
            return value
        }
    }
}

/// Values worked out once per key and numbered in the order they were first kept, so that
/// another table can key on two small numbers rather than on strings.
final class Numbered<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Table {
        var numbers: [Key: Int] = [:]
        var values: [Value] = []
    }
    private let table = Mutex(Table())

    /// The key's number and value, worked out by `make()` the first time.
    func entry(_ key: Key, _ make: () -> Value) -> (number: Int, value: Value) {
        if let kept = table.withLock({ table in table.numbers[key].map { ($0, table.values[$0]) } }) { return kept }
        let value = make()
        return table.withLock { table in
            if let number = table.numbers[key] { return (number, table.values[number]) }
            table.values.append(value)
            table.numbers[key] = table.values.count - 1
            return (table.values.count - 1, value)
        }
    }

    subscript(number: Int) -> Value { table.withLock { $0.values[number] } }

    var count: Int { table.withLock { $0.values.count } }
}

/// An Action entry as the catalog sees it.
enum ActionLookup: Sendable {
    case everything
    case invalid(String)
    case unknownService(prefix: String, suggestions: [String])
    case unknownAction(prefix: String, name: String, suggestions: [String])
    case wildcard(suggestions: [String])
    case action
}

/// What an Action entry's text means: the catalog's answer and the actions it names, with the
/// facts about them that the checks ask of every entry, worked out once per distinct text and
/// shared by every entry spelled that way.
final class ActionMeaning: Sendable {
    let lookup: ActionLookup
    /// The actions the text names (one, or every match of a wildcard); empty for `*` or an unknown one.
    let actions: [IAMAction]
    /// The text with ASCII letters lowered: for an ASCII text (every valid action), the bytes of
    /// `lowercased`, which the checks compare and hash rather than the String.
    let lowered: [UInt8]
    let isASCII: Bool
    /// `TextTable.hash` of `lowered` for an ASCII text (0 for another), for finding repeated entries.
    let loweredHash: UInt64
    /// `lowercased` of a text that is not ASCII, where lowering bytes is not `lowercased()`.
    private let otherLowercased: String?
    /// The text in lower case (`String.lowercased()`); made from `lowered` when asked for, since
    /// only texts that are not ASCII are compared as Strings.
    var lowercased: String { otherLowercased ?? String(decoding: lowered, as: UTF8.self) }
    /// The service prefix in lower case (the text before the first colon), for the condition checks.
    let servicePrefix: String
    /// `*`, or a prefix with a wildcard: the entry may be of any service.
    let mayBeAnyService: Bool
    /// The action name (after the first colon) in ASCII lower case; nil without a colon.
    let loweredName: [UInt8]?
    let nameHasWildcard: Bool
    let allowsPassRole: Bool
    /// The first action that reads secret material.
    let secretRead: IAMAction?
    /// The write and permissions-management actions (PassRole aside) that take a resource.
    let writeCount: Int
    let firstWrite: IAMAction?
    /// Worked out on first use by `LintCache.resourceFacts`.
    let resourceFacts = Mutex<ResourceFacts?>(nil)
    /// The text is `*`: every action.
    var isEverything: Bool { if case .everything = lookup { return true } else { return false } }
    private let loweredNames = Mutex<[[UInt8]]?>(nil)
    /// Messages of findings about the text, each made the first time it is reported: a text is
    /// reported alike wherever it is written (a lint of the AWS managed policies reports writes
    /// on "*" 4,500 times, for a third as many texts).
    private let messages = Mutex<[(check: LintCheck, text: String)]>([])

    /// The message of a finding about the text, `make()`'s the first time. A message kept here
    /// may depend only on the text (and so on this meaning), not on the statement it is in.
    func message(_ check: LintCheck, _ make: () -> String) -> String {
        if let kept = messages.withLock({ $0.first { $0.check == check }?.text }) { return kept }
        let made = make()
        return messages.withLock { messages in
            if let kept = messages.first(where: { $0.check == check }) { return kept.text }
            messages.append((check, made))
            return made
        }
    }

    /// The actions' names in ASCII lower case, made on first use (to compare wildcards).
    func loweredActionNames() -> [[UInt8]] {
        if let kept = loweredNames.withLock({ $0 }) { return kept }
        let names = actions.map { Glob.lowered($0.name) }
        loweredNames.withLock { $0 = names }
        return names
    }

    /// (Numbers in sorted arrays rather than Sets: an entry's actions name a few services and
    /// formats, or many alike, and hashing each Int cost more than the rest of the work.)
    final class ResourceFacts: Sendable {
        /// The services whose ARNs the actions act on (`s3:Get*` → s3), by `arnServiceNumber`,
        /// each once, in increasing order.
        let arnServices: [Int]
        /// The formats of the resource types the actions take (`LintCache.format(number:)`),
        /// each once, in increasing order.
        let formats: [Int]
        /// Some action takes a resource type the catalog does not describe: assumed to match.
        let takesUndescribedType: Bool

        init(arnServices: [Int], formats: [Int], takesUndescribedType: Bool) {
            self.arnServices = arnServices
            self.formats = formats
            self.takesUndescribedType = takesUndescribedType
        }
    }

    /// `servicePrefix` is the prefix in lower case when the caller has it as a string already.
    init(_ text: String, spelling: ActionSpelling, lookup: ActionLookup, actions: [IAMAction], servicePrefix: String? = nil) {
        self.lookup = lookup
        self.actions = actions
        let prefixEnd = spelling.colon ?? spelling.lowered.count
        lowered = spelling.lowered
        isASCII = spelling.isASCII
        if spelling.isASCII {
            otherLowercased = nil
            loweredHash = spelling.lowered.withUnsafeBytes { TextTable<Never>.hash(bytes: $0) } ?? 0
            self.servicePrefix = servicePrefix ?? String(decoding: spelling.lowered[..<prefixEnd], as: UTF8.self)
        } else {
            otherLowercased = text.lowercased()
            loweredHash = 0
            self.servicePrefix = String(decoding: text.utf8.prefix(prefixEnd), as: UTF8.self).lowercased()
        }
        mayBeAnyService = text.isStar || spelling.prefixHasWildcard
        loweredName = spelling.colon.map { Array(spelling.lowered[($0 + 1)...]) }
        nameHasWildcard = spelling.nameHasWildcard
        allowsPassRole = actions.contains(where: SecurityChecks.isPassRole)
        secretRead = actions.first(where: SecurityChecks.isSecretRead)
        var writeCount = 0
        var firstWrite: IAMAction?
        for action in actions where SecurityChecks.isWriteTakingResource(action) {
            if writeCount == 0 { firstWrite = action }
            writeCount += 1
        }
        self.writeCount = writeCount
        self.firstWrite = firstWrite
    }

    static func make(_ text: String, catalog: IAMCatalog, cache: LintCache) -> ActionMeaning {
        let spelling = ActionSpelling(text)
        // The catalog's string for a known service's prefix, shared by every text of that
        // service (a new string for each text cost ~190 instructions).
        var knownPrefix: String?
        func meaning(_ lookup: ActionLookup, _ actions: [IAMAction] = []) -> ActionMeaning {
            ActionMeaning(text, spelling: spelling, lookup: lookup, actions: actions, servicePrefix: knownPrefix)
        }
        if text.isStar { return meaning(.everything) }
        if let message = PolicyGrammar.checkAction(text) { return meaning(.invalid(message)) }
        // A valid action is ASCII: its bytes are its characters. The service is found once, from
        // the lowered bytes, and the action within it; the prefix and name are made strings
        // only for an unknown one's report.
        let colon = spelling.colon!
        let separator = text.utf8.index(text.utf8.startIndex, offsetBy: colon)
        let service = spelling.prefixHasWildcard ? nil : spelling.lowered.withUnsafeBufferPointer {
            catalog.serviceIndex(UnsafeBufferPointer(rebasing: $0[..<colon]))
        }
        knownPrefix = service.map { catalog.lowercasedPrefixes[$0] }
        if !spelling.prefixHasWildcard, service == nil {
            return meaning(.unknownService(prefix: String(text[..<separator]),
                                           suggestions: cache.suggestions(for: text, spelling: spelling, in: catalog)))
        }
        if spelling.prefixHasWildcard || spelling.nameHasWildcard {
            let matches = service.map { catalog.service(at: $0).actions(matchingLowered: Array(spelling.lowered[(colon + 1)...])) }
                ?? catalog.actions(matching: text)
            return meaning(.wildcard(suggestions: matches.isEmpty ? cache.suggestions(for: text, spelling: spelling, in: catalog) : []), matches)
        }
        let action = spelling.lowered.withUnsafeBufferPointer {
            catalog.action(inService: service!, named: UnsafeBufferPointer(rebasing: $0[(colon + 1)...]))
        }
        if let action { return meaning(.action, [action]) }
        return meaning(.unknownAction(prefix: String(text[..<separator]), name: String(text[text.index(after: separator)...]),
                                      suggestions: cache.suggestions(for: text, spelling: spelling, in: catalog)))
    }
}

/// What an action text's bytes say, read in one pass: where its first colon is, which side of
/// it has wildcards (`*`, `?`), and the text in ASCII lower case.
struct ActionSpelling {
    var isASCII = true
    /// The first colon's offset in bytes.
    var colon: Int?
    var prefixHasWildcard = false
    var nameHasWildcard = false
    var lowered: [UInt8] = []

    init(_ text: String) {
        var text = text
        text.withUTF8 { read($0) }
    }

    /// Eight bytes a step: the text is lowered by `Glob.lowered`, and each word is tested for
    /// colons and wildcards, only a word holding one looked at byte by byte (a byte at a time,
    /// the loop cost ~25 instructions a byte).
    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        lowered = Glob.lowered(bytes)
        var high: UInt64 = 0  // every byte or-ed: ASCII leaves the top bits clear
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            if WordBytes.contains(UInt8(ascii: ":"), in: word) || WordBytes.contains(UInt8(ascii: "*"), in: word)
                || WordBytes.contains(UInt8(ascii: "?"), in: word) {
                for index in offset..<(offset + 8) { note(bytes[index], at: index) }
            }
            offset += 8
        }
        for index in offset..<bytes.count {
            high |= UInt64(bytes[index])
            note(bytes[index], at: index)
        }
        isASCII = high & 0x8080_8080_8080_8080 == 0
    }

    /// Notes the first colon, and a wildcard on either side of it.
    private mutating func note(_ byte: UInt8, at index: Int) {
        if byte == UInt8(ascii: ":") {
            if colon == nil { colon = index }
        } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
            if colon == nil { prefixHasWildcard = true } else { nameHasWildcard = true }
        }
    }
}

/// A resource as written, read once per distinct text: what is wrong with it as an ARN, the
/// service it names, and its fields as tokens for `ResourceFormat.admits`.
final class ResourceReading: Sendable {
    /// The reading's number, for keying tables by resource (`LintCache.admits`).
    let number: Int
    let problem: ARNProblem?
    let service: Substring?
    /// `service`'s `LintCache.arnServiceNumber`.
    let serviceNumber: Int?
    let fields: [[Glob.Token]]

    init(_ text: String, number: Int, cache: LintCache) {
        self.number = number
        // Most resources are plain ARNs, read from their bytes at a fraction of the cost of
        // splitting them into substrings and parsing those.
        (problem, service, fields) = PlainARN(text).map { (nil, $0.service(in: text), $0.fields) } ?? Self.generalReading(text)
        serviceNumber = service.map(cache.arnServiceNumber)
    }

    /// The problem, service and fields of any text, by the checks themselves.
    static func generalReading(_ text: String) -> (problem: ARNProblem?, service: Substring?, fields: [[Glob.Token]]) {
        let parts = ARNFields.split(text)
        return (ResourceChecks.arnProblem(text, parts: parts), ResourceChecks.service(parts: parts),
                ResourceFormat.fields(ofResource: text, parts: parts))
    }
}

/// A resource ARN read from its bytes when it is plainly well formed, so that `ARN.parse` and
/// `ResourceChecks.arnProblem` find no problem with it: ASCII without policy variables or
/// placeholders (no "{"), `arn` and five parts, partition aws, aws-cn or aws-us-gov (or one
/// with "*"), a service of letters, digits, "-" and "*", no region or one with "*", no account
/// or "aws" or one with "*" or 12 digits, and a resource. Any other text (a named region, a
/// variable, a mistake) is nil and takes `ResourceReading.generalReading`.
struct PlainARN {
    /// Partition, service, region, account and resource, as `Glob.tokens`.
    let fields: [[Glob.Token]]
    /// The service's byte offsets in the text; nil when it has a wildcard.
    let serviceBytes: Range<Int>?

    init?(_ text: String) {
        var text = text
        guard let read = text.withUTF8(Self.read) else { return nil }
        (fields, serviceBytes) = read
    }

    /// The service part as `ResourceChecks.service(parts:)` gives it.
    func service(in text: String) -> Substring? {
        serviceBytes.map { bytes in
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)]
        }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (fields: [[Glob.Token]], serviceBytes: Range<Int>?)? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "{") }) else { return nil }
        // Where each part starts and ends: the colons, with one before the text and one after.
        var bounds: [Int] = []
        bounds.reserveCapacity(7)
        bounds.append(-1)
        var offset = 0
        while bounds.count < 6, let colon = bytes[offset...].firstIndex(of: UInt8(ascii: ":")) {
            bounds.append(colon)
            offset = colon + 1
        }
        guard bounds.count == 6 else { return nil }
        bounds.append(bytes.count)
        func part(_ index: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[(bounds[index] + 1)..<bounds[index + 1]] }
        func hasStar(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { part.contains(UInt8(ascii: "*")) }
        func isWord(_ part: Slice<UnsafeBufferPointer<UInt8>>, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { part.elementsEqual($0) }
        }
        func tokens(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> [Glob.Token] { part.map(Glob.token) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isServiceByte(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*")
        }
        let (arn, partition, service, region, account, resource) = (part(0), part(1), part(2), part(3), part(4), part(5))
        guard isWord(arn, "arn"),
              isWord(partition, "aws") || isWord(partition, "aws-cn") || isWord(partition, "aws-us-gov") || hasStar(partition),
              !service.isEmpty, service.allSatisfy(isServiceByte),
              region.isEmpty || hasStar(region),
              account.isEmpty || isWord(account, "aws") || hasStar(account) || (account.count == 12 && account.allSatisfy(isDigit)),
              !resource.isEmpty else { return nil }
        let fields = [tokens(partition), tokens(service), tokens(region), tokens(account), tokens(resource)]
        let serviceHasWildcard = service.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
        return (fields, serviceHasWildcard ? nil : service.startIndex..<service.endIndex)
    }
}

/// What is wrong with a resource ARN, found once per distinct text.
struct ARNProblem: Sendable {
    var check: LintCheck
    var message: String
}
