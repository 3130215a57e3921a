import questionSet from 'virtual:cellguard/question-set';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          Cellguard
        </a>
      </header>
      <main id="main" className="app-main">
        <h1>Soft Cell exposure assessment</h1>
        <p>
          Measure how far an intrusion like Operation Soft Cell could get in your network, and what
          to fix first. Everything you enter stays in this browser.
        </p>
        <p>
          {questionSet.questions.length} questions in {questionSet.domains.length} domains.
        </p>
      </main>
    </div>
  );
}
