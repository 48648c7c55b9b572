//! Throughput of `parse_reference` over invented references in the common styles.
//! Target: at least 100,000 references per second on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use papersift::parse_reference;
use std::hint::black_box;

const REFERENCES: &[&str] = &[
    "1. Moretti L, Castellano P, Ferri A . Stromal signals in regenerating tissue: a review of paracrine effects. Tissue Regen Rev 2014; 12: 311–24.",
    "Hartmann, K. et al. Lattice defects in layered oxides. Nat. Mater. 19, 402–409 (2020).",
    "Okafor N, Lindqvist B (2016) Soil carbon turnover under drought. Plant Soil 402:117–130",
    "P. Duarte, M. Ishikawa, Thermal transport in porous silicon, Appl. Phys. Lett. 108 (2016) 053101.",
    "Brennan, S. M., & Ortiz, R. (2019). Attention and reading fluency in bilingual children. Journal of Child Language, 46(3), 512–530. https://doi.org/10.1017/S0305000918000551",
    "Whitfield, A. and Gruber, T. (2012) 'Trade credit in small firms', Journal of Small Business Finance, 21(2), pp. 77–95.",
    "Nakamura, Hiroshi. 2008. \"Coastal Memory and Fishing Villages.\" Journal of Maritime History 14 (2): 33–58.",
    "Delacroix, Marie. \"Ruins in the Romantic Novel.\" Modern Philology, vol. 98, no. 4, 2001, pp. 455–80.",
    "[7] R. Sundaram and T. Wu, \"Sparse channel estimation for wideband receivers,\" IEEE Trans. Signal Process., vol. 63, no. 9, pp. 2201–2212, May 2015.",
    "(12) Varga, E.; Holm, J. P. Ligand Effects in Copper Catalysis. J. Org. Chem. 2011, 76, 8810–8818.",
    "Kowalski T, Brandt E. Smoking cessation in primary care. JAMA. 2017;318(4):345-352. doi:10.1001/jama.2017.8765",
    "C. J. Hamer, Nucl. Phys. B 195, 503 (1982).",
    "Lindgren P (2009) Soil fungi. In: Abbott R, Chen Y (eds) Methods in Ecology. Springer, Berlin, pp 101–118",
    "Farouk, D. (2015). Informal Credit in Rural Egypt (Doctoral dissertation). University of Leeds, Leeds, UK.",
    "World Health Organization. Global report on road safety. Geneva: WHO; 2018.",
    "Ibarra J, Soto M. Mapping hospital beds [Internet]. 2020 [cited 2021 Mar 3]. Available from: https://example.org/beds",
];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_reference");
    group.throughput(Throughput::Elements(REFERENCES.len() as u64));
    group.bench_function("mixed styles", |b| {
        b.iter(|| {
            for raw in REFERENCES {
                black_box(parse_reference(black_box(raw)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
