import { main } from './main.js';
import { isSideThread, serveSide } from './side-thread.js';

if (isSideThread()) {
    void serveSide();
} else {
    main(process.argv.slice(2)).then(code => {
        process.exitCode = code;
    }, error => {
        process.stderr.write(`archsight: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
}
