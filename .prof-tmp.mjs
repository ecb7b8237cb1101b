import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {unified} from 'unified'
import {baseProcessor, configPlugins, essayAnalysis} from './dist/src/pipeline.js'
import {defaultConfig} from './dist/src/config/resolve.js'
import {argumentOf} from './dist/src/model/argument.js'
import {rules} from './dist/src/rules.js'
const names = ['mali-sovereignty.md','protection-of-civilians.md']
const text = names.map(n => readFileSync('./fixtures/essays/'+n,'utf8')).join('\n\n')
const base = baseProcessor().use(essayAnalysis, {}).freeze()
const full = baseProcessor().use(configPlugins(defaultConfig())).freeze()
const T={}
const add=(k,v)=>T[k]=(T[k]??0)+v
for (let i=0;i<40;i++){
  const value=text.replace('peacekeeping', 'peacekeeping'+i)
  let t0=performance.now()
  const f=new VFile({value, path:'/tmp/e.md'})
  const tree=base.parse(f); let t1=performance.now(); add('parse',t1-t0)
  await base.run(tree,f); let t2=performance.now(); add('base+model',t2-t1)
  argumentOf(f.data.essay); let t3=performance.now(); add('argument',t3-t2)
  const g=new VFile({value, path:'/tmp/e.md'})
  await full.run(full.parse(g), g); let t4=performance.now(); add('full', t4-t3)
}
for (const k in T) console.log(k, (T[k]/40).toFixed(1))
