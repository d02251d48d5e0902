"""The learner's home folder: the course's example projects as string constants."""

from __future__ import annotations

HOME = "/home/learner"
APP = HOME + "/feedback-app"

DOCKERFILE = """FROM node

WORKDIR /app

COPY . /app

RUN npm install

CMD ["node", "server.js"]

EXPOSE 80
"""

PACKAGE_JSON = """{
  "name": "feedback-app",
  "version": "1.0.0",
  "description": "도커 도장 예제: 피드백을 파일로 저장하는 작은 웹 앱",
  "main": "server.js",
  "author": "Docker Dojo",
  "license": "MIT",
  "dependencies": {
    "body-parser": "^1.20.3",
    "express": "^4.21.2"
  }
}
"""

SERVER_JS = """const fs = require('fs').promises;
const exists = require('fs').exists;
const path = require('path');

const express = require('express');
const bodyParser = require('body-parser');

const app = express();

app.use(bodyParser.urlencoded({ extended: false }));
app.use(express.static('public'));
app.use('/feedback', express.static('feedback'));

app.get('/', (req, res) => {
  const filePath = path.join(__dirname, 'pages', 'feedback.html');
  res.sendFile(filePath);
});

app.get('/exists', (req, res) => {
  const filePath = path.join(__dirname, 'pages', 'exists.html');
  res.sendFile(filePath);
});

app.post('/create', async (req, res) => {
  const title = req.body.title;
  const content = req.body.text;

  const adjTitle = title.toLowerCase();

  const tempFilePath = path.join(__dirname, 'temp', adjTitle + '.txt');
  const finalFilePath = path.join(__dirname, 'feedback', adjTitle + '.txt');

  await fs.writeFile(tempFilePath, content);
  exists(finalFilePath, async (exists) => {
    if (exists) {
      res.redirect('/exists');
    } else {
      // copy + unlink instead of rename: temp/ and feedback/ may be different volumes
      await fs.copyFile(tempFilePath, finalFilePath);
      await fs.unlink(tempFilePath);
      console.log('Feedback saved: ' + adjTitle);
      res.redirect('/');
    }
  });
});

process.on('SIGINT', () => {
  console.log('Received SIGINT, shutting down');
  process.exit(0);
});

app.listen(80, () => {
  console.log('Feedback app listening on port 80');
});
"""

FEEDBACK_HTML = """<!DOCTYPE html>
<html lang="ko">
  <head>
    <meta charset="UTF-8" />
    <title>피드백 남기기</title>
    <link rel="stylesheet" href="/styles.css" />
  </head>
  <body>
    <h1>피드백 남기기</h1>
    <form action="/create" method="POST">
      <label for="title">제목</label>
      <input type="text" id="title" name="title" />
      <label for="text">내용</label>
      <textarea name="text" id="text" rows="5"></textarea>
      <button>저장</button>
    </form>
  </body>
</html>
"""

EXISTS_HTML = """<!DOCTYPE html>
<html lang="ko">
  <head>
    <meta charset="UTF-8" />
    <title>이미 있는 제목</title>
    <link rel="stylesheet" href="/styles.css" />
  </head>
  <body>
    <h1>같은 제목의 피드백이 이미 있습니다!</h1>
    <p><a href="/">다른 제목으로 다시 쓰기</a></p>
  </body>
</html>
"""

STYLES_CSS = """body {
  font-family: sans-serif;
  margin: 2rem auto;
  max-width: 40rem;
}
"""

SITE_INDEX = """<!DOCTYPE html>
<html lang="ko">
  <head><meta charset="UTF-8" /><title>내 사이트</title></head>
  <body><h1>안녕하세요, 도커 도장!</h1></body>
</html>
"""

HOME_FILES: dict[str, str] = {
    APP + "/Dockerfile": DOCKERFILE,
    APP + "/.dockerignore": "node_modules\n",
    APP + "/package.json": PACKAGE_JSON,
    APP + "/server.js": SERVER_JS,
    APP + "/pages/feedback.html": FEEDBACK_HTML,
    APP + "/pages/exists.html": EXISTS_HTML,
    APP + "/public/styles.css": STYLES_CSS,
    HOME + "/site/index.html": SITE_INDEX,
}
HOME_DIRS: set[str] = {
    "/tmp",
    HOME,
    APP,
    APP + "/temp",
    APP + "/feedback",
    APP + "/pages",
    APP + "/public",
    HOME + "/site",
}
