# Generates src/presets/registry.rs from the preset files' first doc lines.
import os, re
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/presets')
entries = []
for f in sorted(os.listdir(root)):
    if not f.endswith('.rs') or f in ('mod.rs', 'registry.rs'):
        continue
    src = open(os.path.join(root, f)).read()
    for m in re.finditer(r'((?:    ///[^\n]*\n)+)(?:    #\[[^\n]*\n)*    pub fn ((?:r#)?\w+)\(([^)]*)\) -> Scheme', src):
        doc, ident, args = m.group(1), m.group(2), m.group(3)
        name = ident.removeprefix('r#')
        first = doc.split('\n')[0]
        link = re.search(r'\[([^\]]+)\]\((https?://[^)]+)\)', doc)
        seeds = {'hubpay': 'Hubpay (registration API)', 'message_signature': 'X-Message-Signature provider'}
        provider, url = (link.group(1), link.group(2)) if link else (seeds.get(name, name), '')
        param = 'None'
        if args.strip():
            pname = args.split(':')[0].strip()
            param = 'ClientId' if 'client' in pname else 'WebhookId' if 'webhook_id' in pname else 'PublicBaseUrl'
        entries.append((name, ident, provider, url, param))
for e in []:
    print(e)

out = ['''//! Every preset by its registry name, with its provider's documentation: [`Preset`].
//!
//! Generated from the presets' own first doc lines by `tests/vectors/gen_registry.py`; the test
//! `tests/presets.rs` fails when a preset file and this table disagree.

use super::{Parameter, Preset};
use crate::Scheme;

pub(super) static PRESETS: &[Preset] = &[''']
for name, ident, provider, url, param in sorted(entries):
    build = f'|_| Scheme::{ident}()' if param == 'None' else f'|parameter| Scheme::{ident}(parameter.to_owned())'
    out.append(f'''    Preset {{
        name: "{name}",
        provider: "{provider}",
        docs: "{url}",
        parameter: Parameter::{param},
        build: {build},
    }},''')
out.append('];\n')
open(os.path.join(root, 'registry.rs'), 'w').write('\n'.join(out))
print(len(entries), 'presets')

mods = sorted(f[:-3] for f in os.listdir(root) if f.endswith('.rs') and f not in ('mod.rs', 'registry.rs'))
mod_path = os.path.join(root, 'mod.rs')
text = open(mod_path).read()
head = text[:text.index('\nmod ')]
lines = ''.join(('mod r#box;\n' if m == 'box' else f'mod {m};\n') for m in mods)
open(mod_path, 'w').write(head + '\n' + lines + 'mod registry;\n')
