//! Language-specific data areas, the per-function tables of
//! `.gcc_except_table` that tell the personality routine
//! (`rust_eh_personality`) where a call that unwinds lands.
//!
//! The layout is the one GCC and LLVM write (and std's
//! `sys::personality::dwarf::eh` reads): a header, the call-site table
//! (uleb128 offsets from the function's start) and the action table. The
//! call-site table covers the whole function: the personality treats an
//! address it does not find as a call that must not unwind and terminates,
//! so the stretches between landing sites get entries without a landing pad
//! ("keep unwinding"). There is no type table: Rust's personality catches
//! on any positive type filter, and `catch_unwind` catches everything.

use gimli::constants::{DW_EH_PE_omit, DW_EH_PE_uleb128};

/// What the personality does when an exception reaches a landing site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Run the pad, which resumes unwinding (drops, terminate blocks).
    Cleanup,
    /// Stop unwinding here (`catch_unwind`).
    Catch,
}

/// A call with a landing pad, as offsets into the function's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LandingSite {
    /// The call's return address.
    pub ret_addr: u32,
    /// The landing pad.
    pub pad: u32,
    pub action: Action,
}

/// The action-table offset (plus one, as the format wants) of the one
/// record there is: type filter 1, no next record.
const CATCH_ACTION: u64 = 1;

/// The LSDA of a function `code_len` bytes long with these landing sites,
/// in increasing order of return address.
pub fn encode(sites: &[LandingSite], code_len: u32) -> Vec<u8> {
    let mut table = Vec::new();
    let mut covered = 0;
    for site in sites {
        // The unwinder looks up the byte before the return address.
        let start = site.ret_addr - 1;
        debug_assert!(start >= covered, "landing sites out of order");
        if start > covered {
            call_site(&mut table, covered, start - covered, 0, 0);
        }
        let action = match site.action {
            Action::Cleanup => 0,
            Action::Catch => CATCH_ACTION,
        };
        call_site(&mut table, start, 1, site.pad, action);
        covered = site.ret_addr;
    }
    if code_len > covered {
        call_site(&mut table, covered, code_len - covered, 0, 0);
    }

    let mut lsda = vec![DW_EH_PE_omit.0, DW_EH_PE_omit.0, DW_EH_PE_uleb128.0];
    uleb128(&mut lsda, table.len() as u64);
    lsda.extend_from_slice(&table);
    if sites.iter().any(|s| s.action == Action::Catch) {
        // sleb128 type filter 1, sleb128 offset of the next record 0 (none).
        lsda.extend_from_slice(&[1, 0]);
    }
    lsda
}

fn call_site(table: &mut Vec<u8>, start: u32, len: u32, pad: u32, action: u64) {
    uleb128(table, start.into());
    uleb128(table, len.into());
    uleb128(table, pad.into());
    uleb128(table, action);
}

fn uleb128(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uleb128_spans_bytes() {
        let mut out = Vec::new();
        uleb128(&mut out, 0);
        uleb128(&mut out, 127);
        uleb128(&mut out, 128);
        uleb128(&mut out, 624_485);
        assert_eq!(out, [0x00, 0x7f, 0x80, 0x01, 0xe5, 0x8e, 0x26]);
    }

    #[test]
    fn cleanup_sites_and_the_gaps_between_them() {
        let sites = [
            LandingSite {
                ret_addr: 10,
                pad: 40,
                action: Action::Cleanup,
            },
            LandingSite {
                ret_addr: 20,
                pad: 44,
                action: Action::Cleanup,
            },
        ];
        let lsda = encode(&sites, 60);
        #[rustfmt::skip]
        let expected = [
            0xff, 0xff, 0x01, 20,
            0, 9, 0, 0,     // [0, 9): keep unwinding
            9, 1, 40, 0,    // the first call: cleanup at 40
            10, 9, 0, 0,    // [10, 19)
            19, 1, 44, 0,   // the second call: cleanup at 44
            20, 40, 0, 0,   // the rest of the function
        ];
        assert_eq!(lsda, expected);
    }

    #[test]
    fn a_catch_site_has_the_catch_all_action() {
        let sites = [LandingSite {
            ret_addr: 1,
            pad: 8,
            action: Action::Catch,
        }];
        let lsda = encode(&sites, 1);
        assert_eq!(lsda, [0xff, 0xff, 0x01, 4, 0, 1, 8, 1, 1, 0]);
    }

    #[test]
    fn a_function_without_sites_keeps_unwinding_everywhere() {
        assert_eq!(encode(&[], 300), [0xff, 0xff, 0x01, 5, 0, 0xac, 0x02, 0, 0]);
    }
}
